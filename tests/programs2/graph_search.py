# BFS/DFS/topological sort over a dict-based graph with generators
G = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen, queue = {start}, [start]
    while queue:
        n = queue.pop(0)
        yield n
        for m in G[n]:
            if m not in seen:
                seen.add(m)
                queue.append(m)
def dfs(n, seen=None):
    seen = set() if seen is None else seen
    seen.add(n)
    yield n
    for m in G[n]:
        if m not in seen:
            yield from dfs(m, seen)
def topo():
    indeg = {n: 0 for n in G}
    for n in G:
        for m in G[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in G[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return order
def paths(a, b):
    if a == b:
        yield [a]
    for m in G[a]:
        for p in paths(m, b):
            yield [a] + p
print(list(bfs("a")), list(dfs("a")), topo())
print(list(paths("a", "f")))
print({n: len(list(paths(n, "f"))) for n in G})
