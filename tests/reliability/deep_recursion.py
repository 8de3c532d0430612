# Deep recursion raises RecursionError (never a crash), natively and in the
# interpreter, through every kind of Python-level re-entry.
import sys

def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except RecursionError as e:
        print(label, "RecursionError", e)

def plain(n):
    return plain(n + 1)
attempt("plain", lambda: plain(0))

class R:
    def __repr__(self):
        return repr(self)
attempt("__repr__", lambda: repr(R()))

class E:
    def __eq__(self, other):
        return self == other
attempt("__eq__", lambda: E() == E())

class H:
    def __hash__(self):
        return hash(self)
attempt("__hash__", lambda: hash(H()))

class G:
    def __getattr__(self, name):
        return getattr(self, name)
attempt("__getattr__", lambda: G().missing)

def gen(n):
    yield from gen(n + 1)
attempt("yield from", lambda: list(gen(0)))

def key(x):
    return key(x)
attempt("sort key", lambda: sorted([3, 1, 2], key=key))

nested = []
for _ in range(100000):
    nested = [nested]
attempt("nested repr", lambda: repr(nested))
attempt("nested str", lambda: str(nested))
d = {}
for _ in range(100000):
    d = {"k": d}
attempt("nested dict repr", lambda: repr(d))

attempt("eval deep +", lambda: eval("1" + "+1" * 100000))
attempt("eval deep -", lambda: eval("-" * 5000 + "1"))
attempt("eval attr chain", lambda: eval("a" + ".b" * 5000, {"a": None}))
attempt("eval 100 +", lambda: print(eval("1" + "+1" * 100)))
for src in ["(" * 201 + ")" * 201, "[" * 300 + "]" * 300]:
    try:
        compile(src, "<s>", "eval")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
print(len(eval("(" * 199 + ")" * 199)))
indented = "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n"
try:
    compile(indented, "<s>", "exec")
except IndentationError as e:
    print("IndentationError", e.msg, e.lineno)

# After each RecursionError the program is healthy again.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
print(sys.getrecursionlimit())
