# mmap: anonymous and file-backed maps, the file-like methods, indexing and slicing,
# memoryview over a map (exports block close/resize), and CPython's error messages.
import mmap
import os
import tempfile


def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


m = mmap.mmap(-1, 16)
print(len(m), m[0], m[:4], m.tell(), m.closed)
t(m.size)
t(lambda: m[16])
t(lambda: m[-17])
t(lambda: m.__setitem__(0, 256))
t(lambda: m.__setitem__(0, b'a'))
t(lambda: m.__setitem__(slice(0, 2), b'abc'))
t(lambda: m.__setitem__(slice(0, 2), 'ab'))
t(lambda: m.__delitem__(0))
t(lambda: m['a'])
print(m.write(b'hello'), m.tell(), m[:8])
m.seek(0)
print(m.read(3), m.read(), m.tell())
t(lambda: m.write(b'x' * 20))
t(lambda: m.seek(20))
t(lambda: m.seek(-1))
t(lambda: m.seek(0, 3))
m.seek(0)
print(m.find(b'llo'), m.find(b'zz'), m.rfind(b'l'), m.find(b'l', 3), m.read_byte(), m.readline())
m.seek(2)
print(m.find(b'he'), m.find(b'he', 0), m.rfind(b'', 0, 2), m.find(b'l', -14, -10))
t(lambda: m.find('a'))
m.seek(0)
m.write(b'ab\ncd\n')
m.seek(0)
print(m.readline(), m.readline(), m.tell())
m.seek(-2, 2)
print(m.tell())
m.seek(-1, 1)
print(m.tell())
t(lambda: m.write_byte(300))
t(lambda: m.write_byte(-1))
t(lambda: m.write_byte(b'a'))
t(lambda: m.write('s'))
m.seek(0, 2)
t(lambda: m.write_byte(1))
t(lambda: m.read_byte())
t(lambda: m.read(-1))
t(lambda: m.read(None))
t(lambda: m.read('x'))
m.seek(0)
t(lambda: m.move(0, 1, 3))
print(m[:4])
t(lambda: m.move(0, 14, 3))
t(lambda: m.move(-1, 0, 1))
t(lambda: m.flush())
t(lambda: m.flush(0, 100))
t(lambda: m.flush(1, 2))
print(m[::2], m[-1], list(m[:3]), m[5:2], m[10:2:-3], list(m)[:3])
m[0:4] = b'WXYZ'
m[::4] = b'abcd'
print(m[:])
t(lambda: m + m)
t(lambda: b'a' in m)
print(repr(m))

# Creation errors.
t(lambda: mmap.mmap(-1, 0))
t(lambda: mmap.mmap(-1, -1))
t(lambda: mmap.mmap(-1, 10, access=5))
t(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_WRITE))
t(lambda: mmap.mmap(-1, 8, prot=mmap.PROT_READ, access=mmap.ACCESS_WRITE))
t(lambda: mmap.mmap(99, 10))
t(lambda: mmap.mmap('a', 10))
t(lambda: mmap.mmap(-1, 10, offset=-1))
t(lambda: mmap.mmap())
t(lambda: mmap.mmap(-1))
t(lambda: mmap.mmap(-1, 8, bogus=1))
t(lambda: mmap.mmap(-1, 2 ** 70))

# Read-only and copy-on-write maps.
r = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
t(lambda: r.__setitem__(0, 1))
t(lambda: r.write(b'a'))
t(lambda: r.move(0, 1, 1))
t(lambda: r.resize(16))
print(memoryview(r).readonly, repr(r))
r.close()
p = mmap.mmap(-1, 8, prot=mmap.PROT_READ)
t(lambda: p.__setitem__(0, 1))
p.close()

# memoryview over a map: shared memory, exports block close and resize.
m2 = mmap.mmap(-1, 8)
v = memoryview(m2)
v[0] = 65
print(m2[0], v.readonly, v.obj is m2, v.nbytes, bytes(v[:2]))
c = v.cast('i')
c[1] = 7
print(m2[:], c.tolist())
t(m2.close)
t(lambda: m2.resize(32))
del v
t(m2.close)
c.release()
t(lambda: m2.resize(4096))
print(len(m2), m2[:2], bytes(m2)[:2], b''.join([m2[:1], bytes(m2)[1:2]]))
m2.seek(10)
m2.resize(5)
print(m2.tell(), len(m2), m2.read(), m2.read(2), m2.readline(), m2.find(b''), m2.tell())
t(lambda: m2.read_byte())
t(lambda: m2.write(b''))
m2.close()
print(m2.closed, repr(m2))
t(lambda: m2[0])
t(lambda: len(m2))
t(lambda: m2.read())
t(lambda: m2.size())
t(m2.close)
t(lambda: memoryview(m2))
t(lambda: m2.tell())

with mmap.mmap(-1, 10) as m3:
    m3[:] = b'0123456789'
    print(m3[::2], m3[-1], bytes(m3[2:5]))
print(m3.closed)

# File-backed maps (a dup of the descriptor is kept; flush writes through).
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data')
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
    t(lambda: mmap.mmap(fd, 0))
    os.write(fd, b'abcdefgh')
    f = mmap.mmap(fd, 0)
    print(len(f), f.size(), f[:])
    f[0] = 90
    f.flush()
    os.lseek(fd, 0, 0)
    print(os.read(fd, 3))
    t(lambda: mmap.mmap(fd, 100))
    t(lambda: mmap.mmap(fd, 4, offset=100))
    t(lambda: mmap.mmap(fd, 4, offset=3))
    t(lambda: mmap.mmap(fd, 4, offset=4096))
    cow = mmap.mmap(fd, 8, access=mmap.ACCESS_COPY)
    cow[0] = 65
    os.lseek(fd, 0, 0)
    print(cow[:2], os.read(fd, 2), repr(cow))
    t(lambda: cow.resize(4))
    f.resize(16)
    print(os.fstat(fd).st_size, f.size(), len(f))
    f.close()
    cow.close()
    os.close(fd)
    with open(path, 'rb') as fh:
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as ro:
            print(ro[:3], ro.find(b'cd'))


class M(mmap.mmap):
    pass


x = M(-1, 4)
print(type(x).__name__, len(x), isinstance(x, mmap.mmap))
x.close()
print(mmap.PAGESIZE == os.sysconf('SC_PAGESIZE'), mmap.ALLOCATIONGRANULARITY == mmap.PAGESIZE)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS, mmap.PROT_READ, mmap.PROT_WRITE)
print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.error, mmap.mmap)
print([n for n in dir(mmap.mmap) if not n.startswith('_')])
