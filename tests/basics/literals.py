# Literal forms: numbers, strings, bytes-free; None/True/False; tuples, implicit concatenation.
print(0, 00, 1_0, 0x1F, 0O17, 0B11, 1., .5, 1e0, 1E-2, 1_0.0_1)
print("a" "b" 'c', """tri
ple""", '''x''', r"raw\n", "tab\there")
print((), (1,), [], {}, {1}, None, ..., Ellipsis)
print(type(...).__name__, type(None).__name__, repr(...))
print(-1, - 1, +-1, --1, -+-1, not -1)
