# ast.parse raises SyntaxError with CPython's message and position; compile-time-only
# errors (return outside a function, nonlocal at module level) are not parse errors.
import ast

for src in ["x = (1, 2", "def f(:\n  pass", "1 +", "class", "f(**x, *y)", "a b",
            "if x:\npass", "lambda x: (yield",
            "del f()", "print 'hello'", "x := 1", "f(x for x in y, 1)"]:
    try:
        ast.parse(src)
        print(repr(src), "parsed")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))

for src in ["return 1", "nonlocal x", "yield 1", "await x", "break", "def f():\n    x = 1\n    global x"]:
    tree = ast.parse(src)
    print(repr(src), "parsed:", type(tree.body[0]).__name__)
try:
    ast.parse("1 +\n", filename="<mine>")
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
try:
    ast.parse(b"x = \xff")
except SyntaxError as e:
    print("bytes:", type(e).__name__)
