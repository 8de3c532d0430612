# list.sort / sorted call __lt__ in exactly CPython's timsort order (runs, galloping, errors mid-sort)
class K:
    n = 0
    def __init__(self, v, i): self.v = v; self.i = i
    def __lt__(self, o):
        K.n += 1
        if K.limit and K.n > K.limit:
            raise ValueError("boom")
        return self.v < o.v
K.limit = 0
seed = 12345
def rnd(m):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % m
tot = 0
for trial in range(120):
    n = rnd(300) if trial % 3 else rnd(2000)
    kind = trial % 5
    if kind == 0: vals = [rnd(1000) for _ in range(n)]
    elif kind == 1: vals = [rnd(5) for _ in range(n)]
    elif kind == 2: vals = list(range(n)); 
    elif kind == 3: vals = list(range(n, 0, -1)) + [rnd(50) for _ in range(n // 3)]
    else:
        vals = []
        while len(vals) < n:
            r = rnd(100); s = rnd(1000)
            vals += sorted(range(s, s + r)) if rnd(2) else list(range(s + r, s, -1))
    objs = [K(v, i) for i, v in enumerate(vals)]
    K.n = 0
    K.limit = rnd(3000) if trial % 7 == 0 else 0
    rev = trial % 4 == 1
    try:
        if trial % 6 == 0:
            objs.sort(key=lambda o: K(-o.v, 0), reverse=rev)
        else:
            objs.sort(reverse=rev)
        r = "ok"
    except ValueError as e:
        r = "err"
    h = 0
    for o in objs: h = (h * 31 + o.i) % 1000000007
    print(trial, n, K.n, r, h)
