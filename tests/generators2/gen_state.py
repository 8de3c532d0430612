# generator introspection: gi_running, gi_frame, names, running-generator error
def g():
    yield 1
    yield 2
it = g()
print(it.__name__, it.__qualname__, it.gi_running)
print(it.gi_frame is not None)
next(it)
list(it)
print(it.gi_frame)
def reent():
    yield next(r)
r = reent()
try:
    next(r)
except ValueError as e:
    print(type(e).__name__, e)
print(type(it).__name__, iter(it) is it)
gen_expr = (x for x in [])
print(type(gen_expr).__name__, gen_expr.__name__)
