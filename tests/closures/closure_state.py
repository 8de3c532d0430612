# Closures capturing mutable objects, closures in classes, generators of closures.
def make_stack():
    items = []
    def push(x): items.append(x)
    def pop(): return items.pop()
    def peek(): return items[-1] if items else None
    return push, pop, peek
push, pop, peek = make_stack()
push(1); push(2); push(3)
print(pop(), peek(), pop(), pop(), peek())
class Multiplier:
    def __init__(self, k):
        self.k = k
    def make(self):
        return lambda x: x * self.k
m = Multiplier(3)
f = m.make()
print(f(4))
m.k = 10
print(f(4))
def powers():
    return [lambda x, p=p: x ** p for p in range(4)]
print([p(2) for p in powers()])
def once(f):
    done = False
    result = None
    def w():
        nonlocal done, result
        if not done:
            result = f()
            done = True
        return result
    return w
calls = []
o = once(lambda: calls.append(1) or len(calls))
print(o(), o(), o(), calls)
