# Slices reaching user code: __getitem__/__setitem__/__delitem__ overrides receive real
# slice objects; subclasses of the built-in sequences keep their own behaviour.


class Rec:
    def __getitem__(self, key):
        print("  getitem", repr(key), type(key).__name__)
        return key

    def __setitem__(self, key, value):
        print("  setitem", repr(key), repr(value))

    def __delitem__(self, key):
        print("  delitem", repr(key))


r = Rec()
k = 4
s1 = r[1:2]
s2 = r[::]
s3 = r[k::-1]
s4 = r[:"x":None]
s5 = r[1:2, ::3]
print(s1, s2, s3, s4, s5, s1 == slice(1, 2), s3.indices(10))
r[:k + 1] = r[k::-1]
r[::2] = "v"
r["a":] = 1
del r[1:2]
del r[::-1]
try:
    r[1:2] += 5
except TypeError as e:
    print(type(e).__name__, e)
sl = slice(0, 3)
print(r[sl] is sl)


class MyList(list):
    def __getitem__(self, key):
        print("  MyList getitem", key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        print("  MyList setitem", key, value)
        super().__setitem__(key, value)


m = MyList([1, 2, 3, 4, 5])
print(m[1:3], type(m[1:3]).__name__)
m[:2] = [9, 9, 9]
print(m, type(m).__name__)
m[k::-2] = m[:3]
print(m)


class Plain(list):
    pass


p = Plain([1, 2, 3])
print(p[:], type(p[:]).__name__, p[::-1], type(p[::-1]).__name__)
p[1:] = p
print(p, type(p).__name__)


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyBytes(bytes):
    pass


class MyBA(bytearray):
    pass


ms = MyStr("hello")
mt = MyTuple((1, 2, 3))
mb = MyBytes(b"xyz")
mba = MyBA(b"xyz")
for obj in (ms, mt, mb, mba):
    a, b = obj[:], obj[1:]
    print(repr(a), type(a).__name__, repr(b), type(b).__name__, a is obj)


class StrGet(str):
    def __getitem__(self, key):
        return "StrGet" + repr(key)


print(StrGet("abc")[1:], StrGet("abc")[::-1])


class Seq:
    def __len__(self):
        return 10

    def __getitem__(self, key):
        return key.indices(len(self))


print(Seq()[-3:], Seq()[::-2], Seq()[100:-100:-1])


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __repr__(self):
        return f"Idx({self.v})"


print(r[Idx(1):Idx(2)])
print([0, 1, 2, 3][Idx(1):Idx(3)], "abcd"[Idx(-2):], (0, 1, 2)[::Idx(-1)])
x = list(range(6))
x[Idx(1):Idx(5):Idx(2)] = "ab"
print(x)
x[Idx(0):Idx(2)] = ()
print(x)


# __index__ that mutates the list being sliced
class Mutating:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.clear()
        return 1


y = [1, 2, 3, 4]
print(y[Mutating(y):])
y = [1, 2, 3, 4]
y[Mutating(y):] = [7, 8]
print(y)

# class subscription with a slice
print(list[1:2], type[::2])
try:
    int[1:2]
except TypeError as e:
    print(type(e).__name__, e)

bz = bytearray(b"abcdef")
print(bz[Mutating(bz):])
bz = bytearray(b"abcdef")
bz[Mutating(bz):] = b"xy"
print(bz)
bz = bytearray(b"abcdef")
try:
    bz[Mutating(bz)] = 65
except IndexError as e:
    print(type(e).__name__, e)
y = [1, 2, 3, 4]
del y[Mutating(y)::2]
print(y)
print(range(10)[2:2 ** 70:2 ** 65], range(10)[::-2 ** 65], range(2 ** 70)[-3::-2 ** 68])
