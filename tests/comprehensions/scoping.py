# Comprehension scoping: loop var does not leak; class-scope access rules; closure capture.
x = "outer"
r = [x for x in range(3)]
print(r, x)
y = 10
print([y + i for i in range(3)])
class C:
    base = 100
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.vals, C.err)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [(lambda i=i: i) for i in range(3)]
print([g() for g in gs])
print([(lambda v: v * 2)(i) for i in range(3)])
