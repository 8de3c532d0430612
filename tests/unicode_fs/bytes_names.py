# File names that are not UTF-8, through the bytes API (os.listdir(b'.'), open(bytes),
# os.stat/rename/remove/scandir/walk with bytes), in a fresh temporary folder.
import os
import shutil
import tempfile

top = tempfile.mkdtemp()
os.chdir(top)
names = [b"caf\xc3\xa9.txt", b"raw\xff.bin", b"latin\xe9\xe8", b"plain.txt"]
for i, n in enumerate(names):
    with open(n, "wb") as f:
        f.write(b"x" * i)
print(sorted(os.listdir(b".")))
print(sorted(os.listdir(os.getcwdb())) == sorted(names))
print([os.stat(n).st_size for n in names])
print(sorted((e.name, e.is_file(), e.stat().st_size) for e in os.scandir(b".")))
os.mkdir(b"sub\xfe")
os.rename(b"raw\xff.bin", os.path.join(b"sub\xfe", b"moved\xfd"))
for root, dirs, files in sorted(os.walk(b".")):
    print(root, sorted(dirs), sorted(files))
print(os.path.exists(b"raw\xff.bin"), os.path.isfile(b"sub\xfe/moved\xfd"), os.path.isdir(b"sub\xfe"))
print(os.path.basename(b"sub\xfe/moved\xfd"), os.path.splitext(b"latin\xe9\xe8.tar.gz"))
with open(b"sub\xfe/moved\xfd", "rb") as f:
    print(f.read(), type(f.name).__name__, f.name)
os.remove(b"sub\xfe/moved\xfd")
os.rmdir(b"sub\xfe")
try:
    os.remove(b"gone\xff")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    os.listdir(b"nope\xff")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
# Names that are valid UTF-8 come back the same from the str API.
print(sorted(n for n in os.listdir(".") if n.isascii() or "é" in n))
print(os.fsencode("café"), os.fsdecode(b"caf\xc3\xa9"), os.fsdecode("same"), os.fsencode(b"same"))
print(os.fsencode(os.fsdecode(b"caf\xc3\xa9.txt")) == b"caf\xc3\xa9.txt")
print(sys_enc := __import__("sys").getfilesystemencoding(), __import__("sys").getfilesystemencodeerrors())
for bad in [3, None, 1.5]:
    try:
        os.fsencode(bad)
    except TypeError as e:
        print("TypeError:", e)
os.chdir("/")
shutil.rmtree(os.fsencode(top))  # str names with non-UTF-8 bytes need surrogateescape
print(os.path.exists(top))
