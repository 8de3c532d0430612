# f-string conversions !r !s !a
s = "héllo\n"
print(f"{s!r}")
print(f"{s!s}")
print(f"{s!a}")
class C:
    def __str__(self): return "C-str"
    def __repr__(self): return "C-repr"
    def __format__(self, spec): return f"C-format[{spec}]"
c = C()
print(f"{c} {c!s} {c!r} {c!a} {c:xyz}")
print(f"{c!r:>10}|{c!s:*<8}|")
print(f"{3!r} {'a'!r:5}|")
print(f"{[1, 'a']!r}")
