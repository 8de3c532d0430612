# conditional expressions, short circuit, nesting
def side(x):
    print("eval", x)
    return x
for n in range(-1, 3):
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
print(side(1) if side(True) else side(2))
print(side(1) if side(0) else side(2))
print([x if x % 2 else -x for x in range(6)])
f = lambda x: "big" if x > 10 else "small"
print(f(5), f(50))
print((1 if True else 2) + (3 if False else 4))
print(side(0) or side("") or side("last"))
print(side(1) and side([]) and side("never"))
print(not side(0), not side("a"))
