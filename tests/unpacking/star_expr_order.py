# evaluation order in starred displays and calls
log = []
def v(x):
    log.append(x)
    return x
r = [v(1), *[v(2), v(3)], v(4)]
print(r, log)
log.clear()
def f(*a, **k):
    return a, k
print(f(v(1), *v([2]), k=v(3), **v({"z": 4})), log)
log.clear()
d = {v("a"): v(1), **v({"b": 2}), v("c"): v(3)}
print(d, log)
