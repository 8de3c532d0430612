# Captures bind in every kind of scope: globals, locals, cells, class bodies.
match (1, 2):
    case (g1, g2):
        pass
print("globals", g1, g2)

def local_and_cell(v):
    match v:
        case [a, *rest]:
            def show():
                return f"a={a} rest={rest}"
            return show()
print(local_and_cell([1, 2, 3]))

def uses_nonlocal():
    x = "before"
    def inner(v):
        nonlocal x
        match v:
            case {"x": x}:
                pass
    inner({"x": "after"})
    return x
print(uses_nonlocal())

class K:
    match {"name": "klass", "size": 3}:
        case {"name": name, "size": size}:
            doubled = size * 2
print(K.name, K.size, K.doubled)

gv = 0
def set_global(v):
    global gv
    match v:
        case int(gv):
            pass
set_global(42)
print("gv", gv)

# comprehension inside a case body and a guard
match [3, 1, 2]:
    case [*items] if all(i > 0 for i in items):
        print(sorted(i * 10 for i in items))

# lambda capturing a match variable
fs = []
for v in [(1, "a"), (2, "b")]:
    match v:
        case (n, s):
            fs.append(lambda n=n, s=s: s * n)
print([f() for f in fs])
