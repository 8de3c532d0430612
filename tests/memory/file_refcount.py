# files are flushed and closed when their last reference goes (refcounting), and by
# the cycle collector when a file sits in a reference cycle
import gc
import os

def fd_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError as e:
        return "closed (%s)" % type(e).__name__

p = "_pyc_mem_file_%d.txt" % os.getpid()
f = open(p, "w")
f.write("written, never closed explicitly\n")
fd = f.fileno()
del f
print(fd_open(fd))
with open(p) as g:
    print(repr(g.read()))

def writer():
    h = open(p, "a")
    h.write("from a function\n")
    return h.fileno()
fd = writer()
print(fd_open(fd))
with open(p) as g:
    print(g.read().splitlines())

class Holder:
    pass
h = Holder()
h.self = h
h.f = open(p, "ab", buffering=0)
h.f.write(b"through a cycle\n")
fd = h.f.fileno()
del h
print(fd_open(fd))
print(gc.collect() >= 1)
print(fd_open(fd))
with open(p) as g:
    print(g.read().splitlines()[-1])

b = open(p, "rb")
fd = b.fileno()
lines = [b.readline(), b.readline()]
b = None
print(lines[0], fd_open(fd))
os.remove(p)
print(os.path.exists(p))
