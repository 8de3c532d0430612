# Context.run: isolation, nesting, re-entry, restoring on exceptions, copy semantics.
import re
from contextvars import ContextVar, Context, copy_context

v = ContextVar("v", default="outer-default")
w = ContextVar("w")


def clean(s):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", s)


def show(tag):
    print(tag, v.get(), w.get("unset"))


show("start")
v.set("main")
show("main")

ctx = copy_context()


def inner(x, *, y):
    show("inner before")
    v.set(x)
    w.set(y)
    show("inner after")
    return x + y


print("run ->", ctx.run(inner, "X", y="Y"))
show("back in main")
print("ctx sees:", ctx[v], ctx[w], len(ctx))
print("copy still sees main:", copy_context()[v], w in copy_context())

# running the same context again sees its earlier sets
print("rerun:", ctx.run(lambda: (v.get(), w.get())))


# nesting: a context entered inside another
def outer():
    v.set("outer")
    inner_ctx = copy_context()

    def nested():
        show("nested before")
        v.set("nested")
        show("nested after")
        return copy_context()

    snap = inner_ctx.run(nested)
    show("outer after nested")
    print("snap:", snap[v], "inner_ctx:", inner_ctx[v])
    return snap


snap = Context().run(outer)
show("main after outer")
print("snap outlives its run:", snap[v])

# re-entering a context that is running
c2 = Context()


def reenter():
    try:
        c2.run(lambda: None)
    except RuntimeError as e:
        print("re-enter:", clean(str(e)))
    return "ok"


print(c2.run(reenter))
print("can enter again afterwards:", c2.run(lambda: "entered"))


# exceptions restore the previous context
def boom():
    v.set("boom")
    raise KeyError("k")


c3 = copy_context()
try:
    c3.run(boom)
except KeyError as e:
    print("caught", repr(e))
show("after boom")
print("c3 kept the set:", c3[v])
print("c3 can be entered again:", c3.run(v.get))

# copy semantics: a copy taken before a set does not see it, and vice versa
base = Context()
def setter(val):
    v.set(val)
    return copy_context()
before = base.copy()
after = base.run(setter, 1)
print(v in before, base[v], after[v])
base.run(setter, 2)
print(base[v], after[v], v in before)
after.run(setter, 3)
print(base[v], after[v])
# tokens reset inside the context they came from
def set_and_reset():
    t = v.set("temp")
    print("temp:", v.get())
    v.reset(t)
    print("reset:", v.get())
base.run(set_and_reset)
print("base after set_and_reset:", base[v])


# a token made in one context cannot reset in another, even a copy
def make_token():
    return w.set("t")


tok = base.run(make_token)
copy_of_base = base.copy()
try:
    copy_of_base.run(w.reset, tok)
except ValueError as e:
    print("ValueError:", clean(str(e)))
base.run(w.reset, tok)
print("w in base:", w in base, "w in copy:", w in copy_of_base)

# many variables, many copies
vars_ = [ContextVar(f"x{i}") for i in range(40)]
snaps = []
def fill_many():
    for i, var in enumerate(vars_):
        var.set(i)
        snaps.append(copy_context())
Context().run(fill_many)
print([len(s) for s in snaps[::8]], [snaps[i].get(vars_[20], "-") for i in (19, 20, 39)])
print(sum(s[vars_[0]] for s in snaps), snaps[-1] == snaps[-2], snaps[-1] == snaps[-1].copy())
