# __format__ on user classes and format() builtin dispatch
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
m = Money(12345)
print(f"{m}", f"{m:c}", f"{m:>12.1f}", format(m), format(m, "c"))
print("{}|{:c}".format(m, m))
class NoFmt:
    def __str__(self):
        return "nofmt"
print(f"{NoFmt()}", format(NoFmt(), ""))
try:
    format(NoFmt(), "x")
except TypeError as e:
    print(e)
class Bad:
    def __format__(self, spec):
        return 42
try:
    f"{Bad()}"
except TypeError as e:
    print(e)
class Sub(int):
    pass
print(f"{Sub(10):x}", format(Sub(5), "03"))
