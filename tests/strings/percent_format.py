# printf-style % formatting with tuples, dicts, widths, and errors.
print("%s is %d years" % ("Bob", 42))
print("%(name)s=%(val)05.1f" % {"name": "x", "val": 3.14159})
print("%5s|%-5s|%.2s|%c%c" % ("ab", "cd", "efgh", "h", 105))
print("%d %i %u" % (3.9, -2, 7), "%x %X %#x %#o" % (255, 255, 255, 8))
print("%e %E %g %G" % (123456.789, 0.000123, 1e-5, 1e20))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 3, 3.14159))
print("%s" % [1, 2], "%s" % (1,), "%r" % ("x",), "%%d")
for fmt, args in (("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1)):
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
