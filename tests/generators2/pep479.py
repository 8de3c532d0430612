# PEP 479: StopIteration raised inside a generator becomes RuntimeError
def bad():
    yield 1
    raise StopIteration("inner")
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
def bad_next():
    it = iter([])
    yield next(it)
try:
    list(bad_next())
except RuntimeError as e:
    print(e)
def ok():
    yield 1
    return
print(list(ok()))
def stop_in_gen_expr():
    return list(next(iter([])) for _ in range(3)) if False else "skipped"
print(stop_in_gen_expr())
def catch_inside():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"
print(list(catch_inside()))
