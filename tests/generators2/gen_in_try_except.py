# exceptions raised by generators propagate to the consumer at next()
def g():
    yield 1
    raise ValueError("mid-stream")
    yield 2
out = []
try:
    for v in g():
        out.append(v)
except ValueError as e:
    print("caught", e, out)
def safe(gen):
    try:
        yield from gen
    except ValueError as e:
        yield f"recovered from {e}"
print(list(safe(g())))
def raises_immediately():
    raise KeyError("at start")
    yield
it = raises_immediately()
print("created without error")
try:
    next(it)
except KeyError as e:
    print("on first next", e)
print(list(it))
