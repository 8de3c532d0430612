# throw() with type, instance, and traceback-free forms; exception in caller
def g():
    while True:
        try:
            yield "ready"
        except ZeroDivisionError as e:
            print("zde", e.args)
        except Exception as e:
            print("other", type(e).__name__, e.args)
            return "ended"
it = g()
next(it)
print(it.throw(ZeroDivisionError))
print(it.throw(ZeroDivisionError("msg")))
try:
    it.throw(ValueError, ValueError("v"))
except StopIteration as e:
    print("stop", e.value)
done = g()
next(done)
done.close()
try:
    done.throw(KeyError("after close"))
except KeyError as e:
    print("raised after close", e)
def empty():
    return
    yield
e = empty()
list(e)
try:
    e.throw(IndexError)
except IndexError:
    print("exhausted gen rethrows")
