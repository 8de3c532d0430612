# Non-ASCII (UTF-8) file names, arguments and environment values through the str API.
import os
import sys
import tempfile

print(sys.argv[1:])
print([os.fsencode(a) for a in sys.argv[1:]])
top = tempfile.mkdtemp()
os.chdir(top)
for n in ["café.txt", "日本語", "ünï cödé", "emoji \U0001f600"]:
    with open(n, "w", encoding="utf-8") as f:
        f.write(n)
print(sorted(os.listdir(".")))
print(sorted(os.listdir(b".")))
print(sorted(e.name for e in os.scandir(".")))
os.rename("日本語", "日本")
print(os.stat("日本").st_size, os.path.getsize("café.txt"))
with open("日本", encoding="utf-8") as f:
    print(f.read())
os.mkdir("dír")
with open(os.path.join("dír", "ß"), "w") as f:
    pass
for root, dirs, files in sorted(os.walk(".")):
    print(root, dirs, sorted(files))
os.environ["PYC_TEST_VALUE"] = "naïve ☃"
print(os.environ["PYC_TEST_VALUE"], os.getenv("PYC_TEST_VALUE"), os.environb[b"PYC_TEST_VALUE"])
for n in os.listdir("."):
    p = os.path.join(".", n)
    if os.path.isdir(p):
        for m in os.listdir(p):
            os.remove(os.path.join(p, m))
        os.rmdir(p)
    else:
        os.remove(p)
print(os.listdir("."))
os.chdir("/")
os.rmdir(top)
