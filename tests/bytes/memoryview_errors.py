# memoryview errors: bad keys, read-only writes, released views, constructor errors.
m = memoryview(b'abcdef')
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: m[10])
t(lambda: m[-7])
t(lambda: m['a'])
t(lambda: m[1.5])
t(lambda: m[1, 2])
t(lambda: m[...])
def s(): m[0] = 1
t(s)
def d(): del m[0]
t(d)
t(lambda: m < m)
t(lambda: memoryview('abc'))
t(lambda: memoryview(5))
t(lambda: memoryview([1, 2]))
t(lambda: memoryview())
t(lambda: memoryview(b'', b''))
t(lambda: m.cast('B').tobytes())
m2 = memoryview(b'xyz')
m2.release()
m2.release()
t(lambda: m2[0])
t(lambda: len(m2))
t(lambda: m2.tobytes())
t(lambda: m2.tolist())
t(lambda: m2.obj)
t(lambda: m2.nbytes)
t(lambda: m2 == m2)
t(lambda: m2 == b'xyz')
t(lambda: list(m2))
t(lambda: bytes(m2))
t(lambda: repr(m2)[:20])
with memoryview(b'12') as q:
    print(q[0], q.tobytes())
t(lambda: q[0])
t(lambda: q.__enter__())
t(lambda: type(m)())
class X(memoryview):
    pass
