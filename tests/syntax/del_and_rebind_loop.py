# deleting loop variables and names inside loops and functions
for i in range(3):
    x = i * 2
    del x
try:
    x
except NameError as e:
    print(e)
def f():
    total = 0
    for j in range(3):
        tmp = j
        total += tmp
        del tmp
    return total
print(f())
data = {"a": 1, "b": 2, "c": 3}
for k in list(data):
    if data[k] % 2:
        del data[k]
print(data)
