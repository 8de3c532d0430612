# f-strings: expressions, !r/!s/!a conversions, = debugging, nested quotes, braces.
name, n, pi = "Ada", 42, 3.14159
items = [1, "two", 3.0]
print(f"{name} has {n} items; pi={pi}")
print(f"{name!r} {name!s} {'é'!a} {items!r} {items}")
print(f"{n=} {pi=} {name=!s} {n + 1 = } {items[1]=}")
print(f"{{literal}} {{{n}}} {'{'}{'}'}")
print(f"{n * 2} {n // 5} {'yes' if n > 40 else 'no'} {[x * 2 for x in range(3)]}")
print(f"{name.upper()} {len(name)} {name[::-1]} {'-'.join(name)}")
d = {"k": "v"}
print(f"{d['k']} {d!r} {(1, 2)} {None} {True}")
print(f"multi {n}" f" part {name}" " plain")
w = 10
print(f"[{name:>{w}}] [{pi:.{n // 14}f}] [{n:{'^'}{w}}]")
class P:
    def __str__(self): return "P-str"
    def __repr__(self): return "P-repr"
    def __format__(self, spec): return "P-format(" + spec + ")"
p = P()
print(f"{p} {p!s} {p!r} {p:xyz} {p=}")
print(f"{3.0} {1e16} {0.1 + 0.2} {-0.0} {2**100}")
