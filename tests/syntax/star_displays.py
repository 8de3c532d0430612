# star-unpacking in list/tuple/set/dict displays
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print((*a,))
print(sorted({*a, *b, 1}))
print([*range(3), *"ab"])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2})
print({**d2, **d1, "w": 0})
print({"y": -1, **d1})
print([*a * 2])
gen = (i * i for i in range(4))
print([*gen])
print(*a, *b, sep="-")
try:
    print([*5])
except TypeError as e:
    print(e)
try:
    print({**[1]})
except TypeError as e:
    print(e)
