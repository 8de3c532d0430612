# os.path string functions (posixpath) over the native posix module.
import os
import os.path as op

print(op.join("a", "b", "c"), op.join("/a", "/b"), op.join("a/", "b"))
print(op.split("/x/y/z.txt"), op.splitext("archive.tar.gz"), op.splitext(".bashrc"))
print(op.basename("/p/q/"), op.basename("/p/q"), op.dirname("/p/q"), op.dirname("q"))
print(op.normpath("a//b/./c/../d"), op.normpath("/../x"), op.normpath(""))
print(op.isabs("/x"), op.isabs("x"), op.commonprefix(["/usr/lib", "/usr/local"]))
print(op.commonpath(["/usr/lib", "/usr/local/bin"]), op.relpath("/a/b/c", "/a"))
print(op.expanduser("~") != "~", op.expanduser("x"))
print(op.abspath("x") == op.join(os.getcwd(), "x"), op.exists("."), op.isdir("."))
print(op.splitdrive("/a/b"), op.normcase("ABC"), op.join(b"a", b"b"))
print(os.fspath("p"), os.fsencode("p\u00e9"), os.fsdecode(b"p\xc3\xa9"))


class P:
    def __fspath__(self):
        return "from-fspath"


print(os.fspath(P()), op.join(P(), "x"))
