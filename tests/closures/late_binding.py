# Late binding of closure variables in loops, and the default-argument fix.
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make():
    out = []
    for j in range(3):
        def h():
            return j * 10
        out.append(h)
    j = 99
    return out
print([h() for h in make()])
def make2():
    return [(lambda k: lambda: k)(k) for k in range(3)]
print([h() for h in make2()])
x = 1
f = lambda: x
x = 2
print(f())
