# A file is flushed and closed when its last reference goes (no close() call), also
# for writes still sitting in the buffer; text written at module level survives exit.
import os

name = "_pyc_io_refcount_%d.txt" % os.getpid()


def write_and_forget(text):
    f = open(name, "w")
    f.write(text)


write_and_forget("first")
print(open(name).read())
open(name, "a").write(" second")
print(open(name).read())
f = open(name, "ab")
f.write(b" third")
del f
with open(name) as g:
    print(g.read())
os.remove(name)
