# isinstance/issubclass with tuples, nested tuples, __instancecheck__/__subclasscheck__
print(isinstance(1, (str, int)), isinstance(1, (str, (float, int))), isinstance("s", ()))
print(issubclass(bool, (str, int)), issubclass(int, object), issubclass(type, object))
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=Meta): pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(5, Duck))
print(issubclass(Mallard, Duck), issubclass(int, Duck))
print(isinstance(Duck(), Duck))
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
try:
    issubclass(5, int)
except TypeError as e:
    print(e)
try:
    issubclass(int, (int, 5)) 
    print("short-circuit ok")
except TypeError as e:
    print(e)
print(isinstance(True, int), type(True) is int, isinstance(int, type), isinstance(type, type))
