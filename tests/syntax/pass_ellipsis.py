# pass, Ellipsis, empty bodies, docstrings
def f():
    """doc string"""
def g():
    ...
class C:
    pass
class D:
    "class doc"
print(f(), g(), f.__doc__, D.__doc__, C.__doc__)
print(..., Ellipsis is ..., type(...).__name__)
if True:
    pass
for i in range(2):
    pass
print(i)
while False:
    pass
try:
    pass
except Exception:
    pass
else:
    print("else ran")
finally:
    print("finally ran")
