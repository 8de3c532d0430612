# Functions as values: map/filter/reduce-by-hand, function tables, returning functions.
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
def reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
print(reduce(lambda a, b: a + b, range(10), 0), reduce(max, [3, 9, 2], 0), reduce(lambda a, b: b + a, "abc", ""))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b, "pow": pow}
for name in ops:
    print(name, ops[name](3, 4))
print(list(map(abs, [-1, 2, -3])), list(filter(None, [0, 1, "", "a", None])), list(map(pow, [2, 3], [3, 2])))
def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello World  "))
print(callable(p), callable(3), callable(len), callable(int))
