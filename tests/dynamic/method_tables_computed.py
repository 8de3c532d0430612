# Methods of built-in types reached only by computed names: a program that can compute
# attribute names (getattr, hasattr, dir, vars, __dict__, operator's getters, str.format's
# fields) links every method table (pyc_frontend::method_tables COMPUTED_ATTRIBUTE_NAMES).
import operator

up = "".join(["up", "per"])
print(getattr("abc", up)())
print(hasattr(b"x", "de" + "code"), hasattr(1.5, "_".join(["is", "integer"])))
print(operator.methodcaller("_".join(["to", "bytes"]), 2, "big")(258))
print(operator.attrgetter("n" + "bytes")(memoryview(b"abc")))
print([n for n in dir(list) if not n.startswith("_")])
print(sorted(n for n in vars(dict) if not n.startswith("_")))
print("".join(["rem", "ove"]) in set.__dict__, "".join(["co", "unt"]) in tuple.__dict__)
print(getattr(range(5), "ind" + "ex")(4), getattr(7, "bit_" + "count")())
print(sorted(n for n in dir(float) if not n.startswith("_")))
# a format field reads an attribute named by a string built at run time
field = "{0." + "".join(["start", "swith"]) + ".__name__}"
print(field.format("x"), "{0.zfill.__qualname__}".format("x"))
