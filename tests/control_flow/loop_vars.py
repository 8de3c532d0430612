# Loop variable after loop, modifying loop var inside, iterating while appending, del in loop.
for i in range(5):
    pass
print(i)
for i in range(3):
    i = i * 100
    print(i)
for ch in "abc":
    pass
print(ch)
items = [1, 2, 3]
for x in items:
    if x < 3:
        items.append(x + 10)
print(items)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
n = 0
for _ in range(10 ** 5):
    n += 1
print(n)
