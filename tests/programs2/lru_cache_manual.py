# an LRU cache class built on dict ordering, used as a decorator
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = {}
        self.hits = self.misses = 0
    def get(self, k):
        if k in self.data:
            v = self.data.pop(k)
            self.data[k] = v
            self.hits += 1
            return v
        self.misses += 1
        raise KeyError(k)
    def put(self, k, v):
        self.data.pop(k, None)
        self.data[k] = v
        if len(self.data) > self.cap:
            oldest = next(iter(self.data))
            del self.data[oldest]
    def __call__(self, fn):
        def wrapper(*a):
            try:
                return self.get(a)
            except KeyError:
                r = fn(*a)
                self.put(a, r)
                return r
        wrapper.cache = self
        return wrapper
cache = LRU(3)
for k in "abcab":
    try:
        print(k, cache.get(k))
    except KeyError:
        cache.put(k, k.upper())
        print(k, "miss")
cache.put("d", "D")
print(list(cache.data), cache.hits, cache.misses)
@LRU(100)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache.hits, fib.cache.misses)
