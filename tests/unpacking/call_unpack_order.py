# argument binding with mixes of positional, star, keyword and double star
def f(a, b=2, *rest, c, d=4, **kw):
    return f"a={a} b={b} rest={rest} c={c} d={d} kw={kw}"
print(f(1, c=3))
print(f(*(1, 2, 3), c=0))
print(f(1, *[5], *(6, 7), c=1, **{"d": 9, "z": 0}))
print(f(c=1, a=0))
args = (1,)
kwargs = {"c": 2, "e": 5}
print(f(*args, **kwargs))
try:
    f(1, 2, c=3, **{"b": 5})
except TypeError as e:
    print(e)
