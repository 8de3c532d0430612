# yield from delegates send/throw/close to the subgenerator
def sub():
    try:
        while True:
            x = yield
            print("sub got", x)
    except KeyError:
        print("sub caught KeyError")
        return "sub result"
    finally:
        print("sub finally")
def deleg():
    r = yield from sub()
    print("deleg got", r)
    yield "after"
d = deleg()
next(d)
d.send(1)
d.send("two")
print(d.throw(KeyError))
d2 = deleg()
next(d2)
d2.close()
print("d2 closed")
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def depth(n):
    if n:
        yield n
        yield from depth(n - 1)
print(list(depth(5)))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
def from_iter():
    r = yield from It()
    print("non-gen iterator result", r)
print(list(from_iter()))
