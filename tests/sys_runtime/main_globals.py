# The globals of the __main__ module of a script: names, order, values of the dunders
# that do not depend on the interpreter, and annotations going into the preset dict.
names = [k for k in globals() if k.startswith("__")]
print(names)
print(__annotations__, __cached__, __name__, __doc__, __package__, __spec__)
first = __annotations__
x: int = 1
y: "str"
print(__annotations__, __annotations__ is first)
print(sorted(k for k in globals() if not k.startswith("__")))


def f():
    global __annotations__
    del __annotations__


f()
print("__annotations__" in globals())
try:
    print(__annotations__)
except NameError as e:
    print(e)
