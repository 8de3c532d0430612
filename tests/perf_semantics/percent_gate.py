# printf-style formatting is linked only into programs that may use it (runtime
# format.rs `pyrt_enable_percent_format`): every way to reach it must still work.
import operator
from functools import reduce

x = 5
print("%d items" % x)
s = "%s-%s"
s %= ("a", "b")
print(s)
print("%r".__mod__([1, "2"]))
print(str.__mod__("%05.1f", 3.14159))
print(operator.mod("%x", 255), operator.imod("%o", 8))
print(reduce(operator.mod, [("%s=%s" % ("k", "%d")), 7]))
print(b"%s:%d" % (b"n", 3), bytearray(b"%c") % 65)
print(NotImplemented is "%s".__rmod__(1))
try:
    print("%d" % "a")
except TypeError as e:
    print("TypeError:", e)
print(divmod(17, 5), 17 % 5, -7.5 % 2)
