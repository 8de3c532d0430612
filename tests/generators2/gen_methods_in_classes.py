# generators as methods and __iter__ implemented with yield
class Tree:
    def __init__(self, val, *kids):
        self.val = val
        self.kids = kids
    def __iter__(self):
        yield self.val
        for k in self.kids:
            yield from k
    def depth_first(self, depth=0):
        yield depth, self.val
        for k in self.kids:
            yield from k.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(3)), Tree(4, Tree(5), Tree(6)))
print(list(t))
for d, v in t.depth_first():
    print("  " * d + str(v))
print(sum(t), max(t), 5 in t, 7 in t)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
