# return inside finally of a generator and close() interplay
def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
        return "from finally"
it = g()
print(next(it))
try:
    it.throw(ValueError("ignored by return"))
except StopIteration as e:
    print("StopIteration", e.value)
it2 = g()
next(it2)
print(it2.close())
