# Deep call chains through several function kinds (closures, methods, lambdas) ~900 deep.
class Node:
    def __init__(self, v, nxt):
        self.v, self.nxt = v, nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
head = None
for i in range(850):
    head = Node(i, head)
print(head.total())
def make_chain(n):
    if n == 0:
        return lambda x: x
    f = make_chain(n - 1)
    return lambda x: f(x) + 1
print(make_chain(300)(0))
def down(n, acc):
    if n == 0:
        return acc
    return down(n - 1, acc + [n] if n % 100 == 0 else acc)
print(down(900, []))
