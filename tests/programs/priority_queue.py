# A binary-heap priority queue written by hand; task scheduling with stable tie-breaking.
class PQ:
    def __init__(self):
        self.h = []
        self.count = 0
    def push(self, prio, item):
        self.h.append((prio, self.count, item))
        self.count += 1
        i = len(self.h) - 1
        while i > 0:
            p = (i - 1) // 2
            if self.h[i] < self.h[p]:
                self.h[i], self.h[p] = self.h[p], self.h[i]
                i = p
            else:
                break
    def pop(self):
        if not self.h:
            raise IndexError("pop from empty priority queue")
        top = self.h[0]
        last = self.h.pop()
        if self.h:
            self.h[0] = last
            i, n = 0, len(self.h)
            while True:
                l, r, s = 2 * i + 1, 2 * i + 2, i
                if l < n and self.h[l] < self.h[s]:
                    s = l
                if r < n and self.h[r] < self.h[s]:
                    s = r
                if s == i:
                    break
                self.h[i], self.h[s] = self.h[s], self.h[i]
                i = s
        return top[0], top[2]
    def __len__(self):
        return len(self.h)
pq = PQ()
for prio, task in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship"), (2, "test"), (0, "wake")]:
    pq.push(prio, task)
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)
nums = [((i * 7919) % 101, i) for i in range(40)]
q = PQ()
for v, i in nums:
    q.push(v, i)
out = [q.pop()[0] for _ in range(len(q))]
print(out == sorted(v for v, _ in nums), out[:10])
def dijkstra(graph, src):
    dist = {src: 0}
    q = PQ()
    q.push(0, src)
    while q:
        d, u = q.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                q.push(nd, v)
    return dist
g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": [("E", 3)]}
print(sorted(dijkstra(g, "A").items()))
