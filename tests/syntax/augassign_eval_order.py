# augmented assignment target evaluation order and single evaluation
log = []
class L(list):
    def __getitem__(self, i):
        log.append(("get", i))
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        log.append(("set", i, v))
        super().__setitem__(i, v)
def idx():
    log.append("idx")
    return 0
def obj():
    log.append("obj")
    return lst
lst = L([5, 6])
obj()[idx()] += 10
print(lst, log)
class A:
    def __init__(self):
        self.__dict__["v"] = 1
    def __getattr__(self, n):
        log.append(("getattr", n))
        return 0
    def __setattr__(self, n, val):
        log.append(("setattr", n, val))
        self.__dict__[n] = val
log.clear()
a = A()
a.v += 1
a.w += 5
print(a.v, a.w, log)
