# chained comparisons evaluate each operand at most once
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 <= x < 5)
print(1 < 2 > 1 < 3)
print("a" < "b" <= "b" < "c")
print(1 in [1] in [[1]])
print(None is None is not False)
lst = [1, 2]
print(2 in lst not in [[1, 2, 3]])
