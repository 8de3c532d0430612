# for loops over many iterables, loop variable after loop, modification during iteration
for i in range(3): pass
print("after", i)
for ch in "héllo": print(ch, end=" ")
print()
for k in {"b": 1, "a": 2}: print(k, end=" ")
print()
for i, (a, b) in enumerate(zip("xy", [1, 2]), start=1): print(i, a, b)
lst = [1, 2, 3, 4]
for x in lst:
    if x == 2:
        lst.remove(x)
print(lst)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print(e)
s = {1}
try:
    for k in s:
        s.add(k + 1)
except RuntimeError as e:
    print(e)
for x in range(10, 0, -3): print(x, end=",")
print()
