# multiprocessing.Value / Array / RawValue / RawArray (sharedctypes over mmap'ed shared
# memory and pyc's ctypes) with the fork and spawn start methods: locked increments from
# four processes give the exact total, arrays of several typecodes, c_char arrays'
# value/raw, lock=False, Structure values, copy() and synchronized(), and the errors.
import ctypes
import multiprocessing as mp
from multiprocessing import sharedctypes


class Point(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_double)]


def add(v, arr, raw, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    with arr.get_lock():
        for i in range(len(arr)):
            arr[i] += i
    raw[0] = 7


def fill(s, pt):
    s.value = b'child'
    pt.x = 42
    pt.y = 0.5


def main(method):
    ctx = mp.get_context(method)
    v = ctx.Value('i', 0)
    arr = ctx.Array('d', 10)
    raw = ctx.RawArray('q', 3)
    ps = [ctx.Process(target=add, args=(v, arr, raw, 300)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(method, v.value, arr[:], raw[:], [p.exitcode for p in ps])
    print(v, type(v).__name__, type(arr).__name__, len(arr))

    s = ctx.Array('c', b'hello')
    pt = ctx.Value(Point, 1, 2.0)
    p = ctx.Process(target=fill, args=(s, pt))
    p.start()
    p.join()
    print(s.value, s.raw, s[:], pt.x, pt.y, type(pt).__name__)


def local_checks():
    a = mp.Array('i', range(10))
    print(a[:], a[3], a[-1], a[2:5], len(a))
    a[0] = 100
    a[1:3] = [5, 6]
    print(a[:4])
    u = mp.Array('u', 4)
    u[0] = 'z'
    print(repr(u[:]), type(u).__name__)
    rv = mp.RawValue(ctypes.c_double, 2.5)
    ra = mp.RawArray('b', [1, -2, 3])
    print(rv.value, ra[:], type(rv).__name__, type(ra).__name__)
    nolock = mp.Value('h', 5, lock=False)
    print(nolock, nolock.value)
    lk = mp.RLock()
    with_lock = mp.Value('L', 3, lock=lk)
    print(with_lock.get_lock() is lk, with_lock.get_obj().value)
    c = sharedctypes.copy(mp.RawValue('i', 9))
    print(c.value, type(c).__name__)
    syn = sharedctypes.synchronized(mp.RawArray('c', b'ab'))
    print(type(syn).__name__, syn.value, syn.raw)
    syn.value = b'x'
    print(syn.raw)
    for bad in (lambda: mp.Value('i', 'x'), lambda: mp.Value('i', lock=5),
                lambda: mp.Array('i', [1, 'a']), lambda: mp.Array('c', 3).__setitem__(0, 'x'),
                lambda: mp.Value('zz', 1)):
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)


if __name__ == '__main__':
    main('fork')
    main('spawn')
    local_checks()
