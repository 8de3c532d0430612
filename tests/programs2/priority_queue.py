# a binary heap priority queue implemented by hand, used for a scheduler
class Heap:
    def __init__(self, key=lambda x: x):
        self.a = []
        self.key = key
    def push(self, x):
        a = self.a
        a.append(x)
        i = len(a) - 1
        while i and self.key(a[(i - 1) // 2]) > self.key(a[i]):
            p = (i - 1) // 2
            a[i], a[p] = a[p], a[i]
            i = p
    def pop(self):
        a = self.a
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r, s = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and self.key(a[l]) < self.key(a[s]): s = l
                if r < len(a) and self.key(a[r]) < self.key(a[s]): s = r
                if s == i: break
                a[i], a[s] = a[s], a[i]
                i = s
        return top
    def __len__(self):
        return len(self.a)
    def __bool__(self):
        return bool(self.a)
h = Heap()
for v in [5, 3, 8, 1, 9, 2, 7]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print(e)
tasks = Heap(key=lambda t: (t[0], t[1]))
seq = 0
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review")]:
    tasks.push((prio, seq, name))
    seq += 1
while tasks:
    p, s, n = tasks.pop()
    print(p, n)
