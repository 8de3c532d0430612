# closures capture variables, not values
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
def make():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 99
    return fs
print([f() for f in make()])
def make2():
    return [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in make2()])
def cell_after():
    def get():
        return later
    later = "assigned after def"
    return get()
print(cell_after())
def unbound_free():
    def get():
        return v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
unbound_free()
