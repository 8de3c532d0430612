# __class_getitem__ and built-in generic aliases
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, int], tuple[int, ...])
a = list[int]
print(a.__origin__, a.__args__, a([1, 2]))
try:
    int[str]
except TypeError as e:
    print(e)
class Sub(Box): pass
print(Sub[0])
