# String indexing and slicing with steps, negative indices and out-of-range bounds.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-4])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[::3], s[-1:-5:-1], s[2:-2:3])
print(s[slice(1, 8, 3)], s[slice(None, None, -3)], s[len(s):], repr(s[10:10]))
for i in range(-3, 3):
    print(i, s[i:], s[:i])
try:
    print(s[10])
except IndexError as e:
    print("IndexError", e)
try:
    print(s[::0])
except ValueError as e:
    print("ValueError", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
