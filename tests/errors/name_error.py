# Uncaught NameError at module level after some output.
for i in range(3):
    print(i)
print(undefined_variable)
