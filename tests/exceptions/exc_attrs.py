# Built-in exception attributes and messages: args, str/repr for zero/one/many args, with_traceback-free.
cases = [ValueError(), ValueError("x"), ValueError("x", 1), KeyError(), KeyError("k"), IndexError(3),
         StopIteration(5), SystemExit(2), OSError(2, "No such file"), ZeroDivisionError("division by zero"),
         AttributeError("attr"), NameError("n"), RuntimeError(("t",)), Exception([1, 2])]
for e in cases:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
si = StopIteration(7)
print(si.value, SystemExit(3).code, SystemExit().code, OSError(2, "msg").errno, OSError(2, "msg").strerror)
e = ValueError("orig")
e.args = ("changed", 2)
print(e, repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
