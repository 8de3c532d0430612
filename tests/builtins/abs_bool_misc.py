# Miscellaneous builtins: bool(), abs(), divmod(), format(), repr() of builtins, dir() contains checks.
print(bool(0), bool(1), bool([]), bool([0]), bool(0.0), bool("False"), bool(None))
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(1234567, ","))
print(repr(len) == "<built-in function len>", repr(int), repr(str), repr(None), repr(True))
print("append" in dir([]), "upper" in dir(""), "__len__" in dir({}))
print(max(range(5), key=lambda x: -x), list(map(int, "123")), ascii("ü"), bin(10)[2:].zfill(8))
