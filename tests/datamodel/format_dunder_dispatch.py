# format() dispatch: object.__format__ rejects non-empty specs, subclasses inherit formats
class P:
    pass
print(format(P(), "") == str(P()) if False else "skip")
try:
    format(P(), ">10")
except TypeError as e:
    print(e)
class S(str):
    pass
class I(int):
    def __str__(self):
        return "I-str"
print(format(S("abc"), ">5"), format(I(42), "05d"), format(I(42), ""), f"{I(7)}", str(I(7)))
class F(float):
    def __format__(self, spec):
        return "F:" + super().__format__(spec)
print(f"{F(1.5):.3f}", format(F(2), ""))
