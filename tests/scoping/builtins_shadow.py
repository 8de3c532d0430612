# shadowing builtins at module and function level
print(len("abc"))
def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))
def f():
    max = lambda *a: "local max"
    return max(1, 2)
print(f(), max(1, 2))
list = "not a list"
print(list)
del list
print(list("ab"))
import sys
print(type(__builtins__).__name__ in ("module", "dict"))
def g():
    print = lambda *a: sys.stdout.write("custom print\n")
    print("x")
g()
print("normal print")
