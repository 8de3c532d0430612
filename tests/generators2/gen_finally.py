# finally blocks in generators run on exhaustion, close and exceptions
def g(tag):
    try:
        for i in range(3):
            yield i
    finally:
        print("finally", tag)
for x in g("a"):
    print(x)
it = g("b")
next(it)
it.close()
it = g("c")
next(it)
try:
    it.throw(RuntimeError("thrown"))
except RuntimeError as e:
    print("out:", e)
for x in g("d"):
    if x == 1:
        break
print("after break")
def nested():
    try:
        try:
            yield 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")
n = nested()
next(n)
n.close()
