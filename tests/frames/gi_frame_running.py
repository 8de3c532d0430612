"""gi_frame of a generator read while that generator runs (from its own body through a
global, and from a generator it delegates to): CPython returns the running frame, with
the line being executed and the current locals; gi_frame becomes None only once the
generator has finished."""
import sys


def counter(n):
    total = 0
    for i in range(n):
        fr = g.gi_frame
        print("running:", g.gi_running, fr is not None, fr.f_code.co_name)
        print("line:", fr.f_lineno, sys._getframe().f_lineno)
        loc = fr.f_locals
        print("locals:", sorted(loc), loc["i"], loc["total"], loc["n"])
        total += i
        yield total
    print("at end:", g.gi_frame is not None, g.gi_running, g.gi_frame.f_lineno)


g = counter(3)
print("created:", g.gi_frame.f_lineno, g.gi_running, g.gi_frame.f_code.co_name)
print(next(g))
print("suspended:", g.gi_frame.f_lineno, g.gi_running, sorted(g.gi_frame.f_locals))
print(list(g))
print("finished:", g.gi_frame, g.gi_running)


def inner():
    fr = outer_gen.gi_frame
    print("outer seen from inner:", outer_gen.gi_running, fr.f_code.co_name, fr.f_lineno)
    print("inner itself:", inner_gen.gi_running, inner_gen.gi_frame.f_code.co_name)
    yield "x"
    print("outer again:", outer_gen.gi_frame.f_lineno, outer_gen.gi_frame.f_code.co_name)


def outer():
    marker = "m"
    r = yield from inner_gen
    yield marker


inner_gen = inner()
outer_gen = outer()
print(list(outer_gen))
print(outer_gen.gi_frame, inner_gen.gi_frame)


# a frame object kept from inside the running body
def keeper():
    yield keeper_gen.gi_frame
    yield 2


keeper_gen = keeper()
kept = next(keeper_gen)
print(kept.f_code.co_name, kept is not None)
print(list(keeper_gen), keeper_gen.gi_frame)


# the frame's caller while it runs
def who_calls():
    yield who_gen.gi_frame.f_back.f_code.co_name


def driver():
    return next(who_gen)


who_gen = who_calls()
print("caller:", driver())
