# str and repr of built-in exceptions raised by the runtime
cases = [
    lambda: [][1], lambda: {}["k"], lambda: 1 / 0, lambda: int("x"), lambda: None.attr,
    lambda: undefined_name_here, lambda: "a" + 1, lambda: [].pop(), lambda: {1}.remove(2),
    lambda: (1, 2).index(3), lambda: "abc".index("z"), lambda: iter(5), lambda: next(iter([])),
    lambda: float("x"), lambda: chr(-1), lambda: 2 ** -1 % 0, lambda: {}.popitem(),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, "|", str(e), "|", repr(e))
