# slicing with all index combinations, negative steps, extended slices
s = list(range(10))
print(s[2:8:2], s[-3:], s[:-3], s[::-2], s[8:2:-2], s[-1:-4:-1], s[5:2], s[::])
print("abcdef"[1:-1], "abcdef"[::-1][1:3], "abc"[5:10], "abc"[-10:2])
print(s[slice(2, None)], s[None:3])
t = tuple(s)
print(t[1::3], t[:0])
try:
    s[1:2:0]
except ValueError as e:
    print(e)
try:
    s["a":"b"]
except TypeError as e:
    print(e)
big = 10 ** 30
print(s[-big:big], s[big:], "xyz"[:big])
