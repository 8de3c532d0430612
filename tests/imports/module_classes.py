# classes and functions defined in modules carry __module__ / __qualname__
from mcls_mods.shapes import Square, area, Base
s = Square(3)
print(area(s), s)
print(Square.__module__, Square.__qualname__, area.__module__)
print(Square, Base)
print(isinstance(s, Base), type(s).__name__)
class Local(Base):
    pass
print(Local.__module__, Local.__mro__)
