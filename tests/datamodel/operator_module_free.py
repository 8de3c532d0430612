# dunder methods called explicitly mirror operators
print((5).__add__(3), (5).__radd__(3), (5).__sub__(8), (2).__pow__(10), (7).__floordiv__(2))
print((5).__add__("x"), (1.5).__add__(1), (1).__truediv__(0.5) if False else (1).__truediv__(2))
print("ab".__mul__(2), [1].__add__([2]), (1, 2).__contains__(2), {1: 2}.__getitem__(1))
print((3).__eq__(3.0), (3).__lt__(2), "a".__lt__("b"), (1).__eq__("1"))
print((10).__divmod__(3), (-7).__abs__(), (5).__neg__(), (5).__invert__(), (5).__bool__(), (0).__bool__())
print(int.__add__(1, 2), str.__len__("abc"), list.__len__([1]), float.__round__(2.567, 2))
