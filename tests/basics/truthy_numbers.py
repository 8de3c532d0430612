# Integer/float edge values and identity-free equality across types in containers.
print(0 == -0, 0.0 == -0.0, 1 in [1.0], 1.0 in {1}, {1: "a"}[1.0], {True: "t"}[1])
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
print(len({0, 0.0, False, -0.0}), len({1, 1.0, True}))
print(sorted([3, 1.5, True, -2, 0.0]))
print(max(True, 0.5), min(False, -0.0))
print(10 ** 0 == 1, 10.0 ** 0, 0.0 ** 0)
