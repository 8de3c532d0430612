# exception objects: args, str, repr, with_traceback, add_note, custom attrs
e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(ValueError("")), repr(KeyError("k")), str(KeyError("k")))
print(str(KeyError()), str(KeyError(1, 2)))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(404, "not found")
except MyErr as err:
    print(err.code, err.args, str(err))
class Plain(Exception):
    pass
p = Plain("x", "y")
print(p.args, str(p), repr(p))
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), type(e).__name__)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(str(u), u.start, u.end, u.reason)
s = StopIteration(5)
print(s.value, s.args)
ex = SystemExit(3)
print(ex.code)
ki = KeyError("k")
ki.add_note("note one")
ki.add_note("note two")
print(ki.__notes__)
si = SyntaxError("bad", ("f.py", 3, 4, "x y"))
print(si.msg, si.filename, si.lineno, si.offset, si.text)
print(NameError(name="nm").name, AttributeError("a", name="n", obj=1).name)
try:
    e.with_traceback(5)
except TypeError as t:
    print(t)
print(e.with_traceback(None) is e)
