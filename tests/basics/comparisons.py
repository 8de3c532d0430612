# Comparisons across types: int/float, chained, mixed equality, ordering errors.
print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 == 1e20)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 == 1.0, 1 != 2 != 1)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [], (1,) == [1])
print(None == None, None is None, None == 0, "1" == 1, 1 == True)
for a, b in ((1, "a"), ("a", 1), ([1], (1,)), (None, 1), ({}, {})):
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError", e)
x = 5
print(0 < x <= 5, 0 < x < 5, x in (1, 5), x not in [1, 2])
print(max(3, 3.0), min(3.0, 3), max([1, 2], [1, 3]), min("b", "ab"))
print(float("nan") in [float("nan")])
n = float("nan")
print(n in [n], [n] == [n], (n,) == (n,))
