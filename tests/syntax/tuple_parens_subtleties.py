# tuple syntax subtleties: trailing commas, parentheses, empty tuples
t1 = 1,
t2 = (1)
t3 = ()
t4 = 1, 2,
print(t1, t2, t3, t4, type(t2).__name__)
def f():
    return 1, 2
print(f(), type(f()).__name__)
for x in 1, 2:
    print(x)
print((1, 2) + (3,), len(((),)), ((1,),)[0][0])
x = y = 1, 2
print(x, y)
print([1, 2,], {1: 2,}, {3,})
