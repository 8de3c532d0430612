# generator expressions: first iterable evaluated immediately, rest lazily
def src(tag, n):
    print("src", tag)
    return range(n)
g = (x * y for x in src("outer", 2) for y in src("inner", 2))
print("created")
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print(e)
n = 10
g3 = (x + n for x in range(3))
n = 100
print(list(g3))
g4 = (i for i in range(3))
print(list(g4), list(g4))
print(sum(i for i in range(5)), max((i % 3, i) for i in range(7)))
