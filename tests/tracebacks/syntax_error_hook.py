# The interpreter's own exception printer (sys.excepthook) for SyntaxErrors: location
# line, source text without indentation, caret ranges, subclasses, odd field values.
import sys


def show(e):
    sys.excepthook(type(e), e, None)


def compiled(src, mode="exec", name="<string>"):
    try:
        compile(src, name, mode)
    except SyntaxError as e:
        return e
    raise AssertionError("compiled: " + src)


for src in ["x = $", "def f(:\n  pass", "f(**)", "a b c d", "if x:\npass", "  x = 1",
            "'abc", "if True:\n    y = (1,\n         2 +* 3)\n", "x = 1 +\n"]:
    show(compiled(src))
show(compiled("1 +* 2", "eval", "calc.py"))

# Built by hand: every combination the printer has to cope with.
cases = [
    ("plain message", None),
    ("msg", ("f.py", 3, 5, "    value = 1 +* 2\n", 3, 9)),
    ("no text", ("f.py", 3, 5, None, 3, 9)),
    ("offset None", ("f.py", 3, None, "abc\n", 3, None)),
    ("offset 0", ("f.py", 1, 0, "abc\n", 1, 0)),
    ("offset past end", ("f.py", 1, 40, "abc\n", 1, 50)),
    ("end before start", ("f.py", 1, 3, "abcdef\n", 1, 2)),
    ("multi-line span", ("f.py", 1, 2, "abcdef\n", 4, 2)),
    ("embedded newline", ("f.py", 1, 7, "ab\ncdefgh\n", 1, 9)),
    ("no filename", (None, 2, 1, "zz\n", 2, 3)),
    ("tabs", ("t.py", 1, 3, "\t\tx y\n", 1, 4)),
    ("no newline", ("t.py", 1, 1, "xyz", 1, 4)),
    ("", ("t.py", 1, 1, "xyz", 1, 2)),
    ("lineno None", ("t.py", None, 1, "xyz", 1, 2)),
]
for msg, detail in cases:
    e = SyntaxError(msg) if detail is None else SyntaxError(msg, detail)
    show(e)

# Subclasses get one caret whatever end_offset says.
show(IndentationError("bad indent", ("i.py", 2, 3, "  foo bar\n", 2, 9)))
show(TabError("tabs", ("i.py", 2, 2, "\tfoo\n", 2, 5)))


class MyError(SyntaxError):
    pass


show(MyError("mine", ("m.py", 7, 2, "abc\n", 7, 4)))

# A non-str msg is shown with str().
show(SyntaxError(42, ("n.py", 1, 1, "x\n", 1, 2)))

e = SyntaxError("fields set later")
e.filename, e.lineno, e.offset, e.text = "late.py", 9, 3, "abcdef\n"
show(e)
print("done")
