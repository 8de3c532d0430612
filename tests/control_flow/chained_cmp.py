# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
for x in range(-1, 12, 3):
    print(x, 0 <= x < 10, x < 5 > 2, 1 < x in [4, 7])
a = [1, 2, 3]
print(1 in a in [a], a is a is not None, "a" < "b" < "c" > "a")
