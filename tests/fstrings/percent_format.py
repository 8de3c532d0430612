# printf-style % formatting
print("%s %r %a" % ("s", "r", "é"))
print("%d %i %u" % (1.9, -2, 3))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%f %.2f %10.3f %-10.1f| %e %E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.00012, 1e-5, 1e20))
print("%c%c" % (65, "z"))
print("%%" % ())
print("%(a)s and %(b)d" % {"a": "x", "b": 5})
print("%*d|%-*d|" % (5, 1, 4, 2))
print("%.*f" % (2, 1.23456))
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%.3s" % "abcdef")
for bad, args in [("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%c", 1234567), ("%(k)s", 1)]:
    try:
        print(bad % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s-%d" % (b"by", 5))
