# getattr/setattr/hasattr/delattr/isinstance/issubclass/type/vars/callable on builtins and user objects.
class A:
    x = 1
    def m(self):
        return "m"
a = A()
print(getattr(a, "x"), getattr(a, "y", None), hasattr(a, "m"), getattr(a, "m")(), getattr("abc", "upper")())
setattr(a, "y", 5)
print(a.y, vars(a), hasattr(A, "y"))
print(isinstance(a, A), isinstance(a, object), isinstance(1, (str, float)), isinstance([], list), isinstance(True, int))
print(issubclass(A, object), issubclass(int, (str, object)), type(a) is A, type(A) is type)
print(callable(a.m), callable(A), callable(a), callable("s".upper))
try:
    getattr(a, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError", e)
