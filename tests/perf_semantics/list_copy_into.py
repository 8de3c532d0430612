# `dst = src[:]` may refill the list `dst` already holds in place (when only `dst`
# references it, it has src's length and holds only small ints); every other case
# builds a new list. Either way the program must see CPython's results: a copy that is
# independent of src, untouched aliases of the old value, items released in order.
import sys


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"I{self.n}"

    def __del__(self):
        print("freed", self.n)


class MyList(list):
    pass


def refill(src, rounds):
    out = []
    dst = None
    for r in range(rounds):
        dst = src[:]
        if isinstance(dst, list):
            dst[0] = r
        out.append((type(dst).__name__, list(dst)))
    return out, dst


print(refill([5, 6, 7], 3))
print(refill([1.5, "a", None], 2))
print(refill(MyList([1, 2]), 2))
print(refill((1, 2, 3), 2))
print(refill("abc", 2))


def aliases():
    src = [1, 2, 3]
    dst = [7, 8, 9]
    keep = dst
    dst = src[:]
    print(dst, keep, dst is src, keep is dst)
    dst = [4, 5]          # other length
    dst = src[:]
    print(dst)
    dst = [1.0, 2.0, 3.0]  # not small ints
    dst = src[:]
    print(dst)
    src.append(4)
    print(dst, src)
    dst = MyList([0, 0, 0, 0])
    dst = src[:]
    print(type(dst).__name__, dst)


aliases()


def objects():
    src = [Item(1), Item(2)]
    dst = [0, 0]
    dst = src[:]
    print(dst, dst[0] is src[0])
    src.clear()
    print("src cleared", dst)
    dst = [Item(3), Item(4)]
    print("before copy")
    dst = [9, 9][:]
    print("after copy", dst)


objects()


def counts():
    big = 2 ** 80
    src = [big, big, 3]
    dst = [0, 0, 0]
    before = sys.getrefcount(big)
    for _ in range(5):
        dst = src[:]
    print(sys.getrefcount(big) - before, dst)
    del dst
    print(sys.getrefcount(big) - before)


counts()


def unbound_first(n):
    src = list(range(n))
    for i in range(3):
        if i > 0:
            print(sorted(sys._getframe().f_locals)[:3], dst)
        dst = src[:]
        dst.reverse()
    return dst


print(unbound_first(4))
