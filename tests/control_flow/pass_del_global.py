# pass, del of names/items/attributes, global and nonlocal interplay, del then NameError.
def noop():
    pass
class E:
    pass
print(noop(), E.__name__)
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError", e)
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
o = E()
o.v = 1
del o.v
print(hasattr(o, "v"))
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
x, y = 1, 2
del x, y
print("x" in dir(), "counter" in globals())
