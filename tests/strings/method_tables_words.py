# Methods of built-in types that executables link only when the program may use them
# (pyc_frontend::method_tables): this program never computes an attribute name, so each
# method below must be found from its words alone: attributes, identifiers inside string
# constants (match-class keywords). It imports nothing: most stdlib modules reach
# getattr, which enables every table (method_tables_computed.py).
s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s.startswith("He"), s.count("l"))
print(b"a-b".split(b"-"), bytearray(b"xy").upper(), b"abc".decode())
print((2.5).is_integer(), (7).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(memoryview(b"ab").tolist(), memoryview(b"abcd").nbytes)
xs = [3, 1, 2]
xs.sort()
xs.append(4)
print(xs, xs.index(2), (1, 2, 2).count(2), range(10).index(3))
d = {"a": 1}
d.setdefault("b", 2)
d.update(c=3)
print(d, d.pop("a"), sorted({1, 2}.union({3})))

# a class pattern's keyword reaches an attribute by name
def kind(v):
    match v:
        case str(isdigit=f) if f():
            return "digits"
        case str():
            return "text"
    return "other"


print(kind("123"), kind("abc"), kind(5))

class Name(str):
    pass


print(Name("ab").capitalize(), Name("x").center(5, "*"))
