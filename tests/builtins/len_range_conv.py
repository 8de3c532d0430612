# len, int/float/str/bool/repr conversions, type() names.
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(""), len("日本"))
print(int("7"), int(7.9), float("1.5"), float(3), str(3.0), str([1, "a"]), bool(""), bool("0"), repr("x"))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type(()).__name__,
      type({}).__name__, type(set()).__name__, type(None).__name__, type(len).__name__, type(lambda: 0).__name__,
      type(range(1)).__name__, type(iter([])).__name__, type(print).__name__, type(type).__name__)
print(list("ab"), tuple([1, 2]), set([2, 2, 1]), dict([("a", 1)]), list(), tuple(), dict(), str(), int(), float(), bool())
print(str(b"bytes"), repr(1.0), repr(None), int("-0"), float("-0"))
