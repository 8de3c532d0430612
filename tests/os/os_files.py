# os and os.path over real files: mkdir/makedirs/removedirs, listdir/scandir (sorted),
# stat fields, rename/replace, links, chmod, utime, truncate, low-level fds, errors.
import os
import stat

base = "_pyc_os_files_%d" % os.getpid()
os.makedirs(os.path.join(base, "sub", "deep"))
print(os.path.isdir(base), os.path.isfile(base), os.path.exists(os.path.join(base, "sub", "deep")))
for name in ("b.txt", "a.txt", "c.bin"):
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)
print(sorted(os.listdir(base)))
print(sorted(os.listdir(os.fsencode(base))))
entries = sorted(os.scandir(base), key=lambda e: e.name)
for e in entries:
    print(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(base, e.name), os.fspath(e) == e.path)
with os.scandir(base) as it:
    print(sorted(e.name for e in it if e.is_file()))
print(repr(entries[0]))

p = os.path.join(base, "a.txt")
st = os.stat(p)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st[stat.ST_SIZE], len(st))
print(type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8], isinstance(st, tuple))
print(os.path.getsize(p), os.lstat(p).st_size == st.st_size)
fd = os.open(p, os.O_RDONLY)
print(os.fstat(fd).st_size, os.read(fd, 4), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -2, os.SEEK_END))
print(os.read(fd, 100), os.read(fd, 100))
os.close(fd)

os.chmod(p, 0o600)
print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.utime(p, (1000000000, 1500000000))
print(os.stat(p).st_atime, os.stat(p).st_mtime, os.path.getmtime(p))
os.utime(p, ns=(5 * 10**9 + 7, 6 * 10**9 + 9))
print(os.stat(p).st_mtime_ns, os.stat(p).st_atime_ns)
os.truncate(p, 2)
print(open(p).read())

q = os.path.join(base, "renamed.txt")
os.rename(p, q)
print(os.path.exists(p), os.path.exists(q))
os.replace(q, os.path.join(base, "b.txt"))
print(sorted(os.listdir(base)))
os.symlink("b.txt", os.path.join(base, "link"))
print(os.readlink(os.path.join(base, "link")), os.path.islink(os.path.join(base, "link")))
print(os.path.realpath(os.path.join(base, "link")) == os.path.realpath(os.path.join(base, "b.txt")))
os.link(os.path.join(base, "b.txt"), os.path.join(base, "hard"))
print(os.stat(os.path.join(base, "hard")).st_nlink)

fd = os.open(os.path.join(base, "raw"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"raw bytes"), os.get_inheritable(fd))
os.close(fd)
print(open(os.path.join(base, "raw"), "rb").read())


def attempt(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__, e.errno if isinstance(e, OSError) else "", str(e).replace(base, "BASE"))


attempt(lambda: os.stat(os.path.join(base, "missing")))
attempt(lambda: os.mkdir(base))
attempt(lambda: os.rmdir(os.path.join(base, "sub")))
attempt(lambda: os.remove(os.path.join(base, "sub")))
attempt(lambda: os.listdir(os.path.join(base, "b.txt")))
attempt(lambda: os.rename(os.path.join(base, "nope"), os.path.join(base, "nope2")))
attempt(lambda: os.chdir(os.path.join(base, "missing")))
attempt(lambda: os.stat([]))
attempt(lambda: os.stat("a\0b"))
attempt(lambda: os.mkdir(3.5))
attempt(lambda: os.close(-1))
attempt(lambda: os.read(-1, 1))
attempt(lambda: os.fspath(3))
attempt(lambda: os.access(os.path.join(base, "missing"), os.F_OK))
attempt(lambda: os.access(base, os.R_OK | os.W_OK))

cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.join(cwd, base), sorted(os.listdir()))
os.chdir(cwd)
print(os.getcwd() == cwd)

os.removedirs(os.path.join(base, "sub", "deep")) if False else None
for root, dirs, files in sorted(os.walk(base)):
    print(root.replace(base, "BASE"), sorted(dirs), sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    for n in files:
        os.remove(os.path.join(root, n))
    for n in dirs:
        os.rmdir(os.path.join(root, n))
os.rmdir(base)
print(os.path.exists(base))
