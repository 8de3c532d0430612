# Custom exception classes: args, str, repr, extra attributes, overriding __str__, hierarchy.
class MyError(Exception):
    pass
class CodeError(MyError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
for exc in (MyError(), MyError("one"), MyError("a", 2), CodeError(404, "not found"), Exception(None), ValueError(""), KeyError("k"), KeyError("a", "b")):
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
try:
    raise CodeError(500, "boom")
except MyError as e:
    print("caught as MyError:", e, e.code, isinstance(e, Exception), isinstance(e, CodeError))
class NoInit(ValueError):
    def extra(self):
        return "extra:" + self.args[0]
try:
    raise NoInit("data")
except ValueError as e:
    print(e.extra(), e)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(repr(e), e)
print(issubclass(CodeError, Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
