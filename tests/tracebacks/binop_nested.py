# traceback markers for a nested failing binary operation
x = 1
y = "s"
z = [1, 2]
print(x * 3 + (z[0] - y) * 4)
