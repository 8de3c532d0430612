# ContextVar / Token / Context API and CPython's error messages (addresses masked).
import re
import contextvars
from contextvars import ContextVar, Token, Context, copy_context


def clean(s):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", s)


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, clean(str(e)))
    else:
        print(label, "=", clean(repr(r)))


print(ContextVar, Token, Context, ContextVar.__module__, copy_context)
print(contextvars.ContextVar is ContextVar, sorted(n for n in dir(contextvars) if not n.startswith("_")))

a = ContextVar("a")
b = ContextVar("b", default=1)
c = ContextVar("c", default=None)
print(clean(repr(a)), clean(repr(b)), clean(repr(c)))
print(a.name, b.name, type(a.name))
attempt("a.get()", a.get)
attempt("a.get(5)", lambda: a.get(5))
attempt("b.get()", b.get)
attempt("b.get(7)", lambda: b.get(7))
attempt("c.get()", c.get)
try:
    a.get()
except LookupError as e:
    print("LookupError args[0] is a:", e.args[0] is a, type(e) is LookupError)

t = a.set(10)
print(clean(repr(t)), t.var is a, t.old_value is Token.MISSING, a.get())
print(Token.MISSING, repr(Token.MISSING), type(Token.MISSING), t.MISSING is Token.MISSING)
t2 = a.set(20)
print(t2.old_value, a.get())
a.reset(t2)
print("after reset t2:", a.get(), clean(repr(t2)))
attempt("reset t2 again", lambda: a.reset(t2))
a.reset(t)
attempt("a.get() after reset to missing", a.get)
attempt("reset by other var", lambda: b.reset(b.set(2) and a.set(3)))
tb = b.set(5)
attempt("reset b token with a", lambda: a.reset(tb))
attempt("reset in other context", lambda: Context().run(b.reset, tb))
b.reset(tb)
print("b after reset:", b.get())

# argument errors
attempt("ContextVar()", lambda: ContextVar())
attempt("ContextVar(1)", lambda: ContextVar(1))
attempt("ContextVar('x', 1)", lambda: ContextVar("x", 1))
attempt("ContextVar bad kw", lambda: ContextVar("x", defaul=1))
attempt("ContextVar 3 args", lambda: ContextVar("a", default=1, x=2))
attempt("get 2 args", lambda: a.get(1, 2))
attempt("set no args", lambda: a.set())
attempt("reset no token", lambda: a.reset(1))
attempt("reset 2 args", lambda: a.reset(t, 1))
attempt("Token()", lambda: Token())
attempt("MISSING type()", lambda: type(Token.MISSING)())
attempt("Context(1)", lambda: Context(1))
attempt("copy_context(1)", lambda: copy_context(1))
attempt("subclass ContextVar", lambda: type("A", (ContextVar,), {}))
attempt("subclass Token", lambda: type("A", (Token,), {}))
attempt("subclass Context", lambda: type("A", (Context,), {}))
try:
    class V(ContextVar):
        pass
except TypeError as e:
    print("class statement:", e)
attempt("set name", lambda: setattr(a, "name", "z"))
attempt("set var", lambda: setattr(t, "var", 1))
attempt("set old_value", lambda: setattr(t, "old_value", 1))

# generics, hashing
print(ContextVar[int], Token[str])
attempt("Context[int]", lambda: Context[int])
print(hash(a) == hash(a), a == a, a != b, {a: 1, b: 2}[b])
attempt("hash(token)", lambda: hash(t))
attempt("hash(context)", lambda: hash(Context()))
print(Context.__hash__ is None, Token.__hash__ is None)

# Context as a mapping
ctx = Context()
print(len(ctx), list(ctx), ctx.get(a), ctx.get(a, "dflt"), a in ctx)
attempt("ctx[a]", lambda: ctx[a])
attempt("ctx[1]", lambda: ctx[1])
attempt("1 in ctx", lambda: 1 in ctx)
attempt("ctx.get(1)", lambda: ctx.get(1))
attempt("ctx.get()", lambda: ctx.get())
attempt("ctx.get(a, 1, 2)", lambda: ctx.get(a, 1, 2))
attempt("ctx.keys(1)", lambda: ctx.keys(1))
attempt("ctx.copy(1)", lambda: ctx.copy(1))
attempt("ctx.run()", lambda: ctx.run())
attempt("ctx.run(1)", lambda: ctx.run(1))
attempt("ctx.run(f=1)", lambda: ctx.run(f=1))


def fill():
    a.set("A")
    b.set("B")
    return copy_context()


snap = ctx.run(fill)
for m in (ctx, snap):
    print(len(m), sorted(v.name for v in m), sorted(v.name for v in m.keys()),
          sorted(m.values()), sorted((k.name, v) for k, v in m.items()))
print(ctx[a], ctx.get(b), a in ctx, c in ctx, ctx.get(c, "none"))
print(ctx == snap, ctx != snap, Context() == Context(), ctx == Context(), ctx == 1, ctx != 1)
attempt("ctx < snap", lambda: ctx < snap)
cp = ctx.copy()
print(type(cp) is Context, cp is ctx, cp == ctx, len(cp))
attempt("ContextVar(default=1)", lambda: ContextVar(default=1))
attempt("ContextVar(name='a')", lambda: ContextVar(name="a"))
attempt("ContextVar('a', name='b')", lambda: ContextVar("a", name="b"))
attempt("ContextVar(name='a', default=2, x=1)", lambda: ContextVar(name="a", default=2, x=1))
attempt("ContextVar('a', default=2)", lambda: ContextVar("a", default=2).get())
