# Polymorphism with an abstract-ish base raising NotImplementedError; shapes area/perimeter.
import math
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Blob(Shape):
    pass
for s in (Rect(2, 3), Square(4), Circle(1.5), Blob()):
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError", e)
shapes = [Rect(1, 10), Circle(2), Square(3)]
print([type(s).__name__ for s in sorted(shapes, key=lambda s: s.area())])
print(sum(s.area() for s in shapes if isinstance(s, Rect)))
