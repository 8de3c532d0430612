# Uncaught ValueError from int() of a non-numeric string.
values = ["1", "22", "three"]
total = 0
for v in values:
    total += int(v)
    print("total", total)
