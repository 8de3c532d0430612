# close() and throw(): finally blocks, GeneratorExit, throw into unstarted/finished generators.
def worker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("cleanup worker")
w = worker()
print(next(w), next(w))
w.close()
print(next(w, "closed"))
def catching():
    try:
        yield "first"
    except ValueError as e:
        yield f"caught {e}"
    yield "last"
c = catching()
print(next(c), c.throw(ValueError("bad")), next(c), next(c, "end"))
u = catching()
try:
    u.throw(KeyError("unstarted"))
except KeyError as e:
    print("propagated from unstarted", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ig = ignores_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError", e)
