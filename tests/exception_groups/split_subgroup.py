# ExceptionGroup construction, split, subgroup and derive.
eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
])
print(repr(eg))
print(str(eg), eg.message, len(eg.exceptions))

m, r = eg.split(ValueError)
print("match:", repr(m))
print("rest:", repr(r))
print("subgroup:", repr(eg.subgroup(KeyError)))
print("subgroup none:", eg.subgroup(OSError))
print("split tuple:", eg.split((TypeError, KeyError)))
print("split callable:", eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print("whole:", eg.subgroup(Exception) is eg)

d = eg.derive([ValueError(9)])
print(type(d).__name__, repr(d))

beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
print(type(beg).__name__)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
