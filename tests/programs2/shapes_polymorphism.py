# abstract-ish base class, polymorphism, class attributes and sorting by key
import math
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def __lt__(self, other):
        return self.area() < other.area()
    def __str__(self):
        return f"{self.name}: area={self.area():.3f} perim={self.perimeter():.3f}"
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self): return math.pi * self.r ** 2
    def perimeter(self): return 2 * math.pi * self.r
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self): return self.w * self.h
    def perimeter(self): return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Blob(Shape):
    def perimeter(self): return 0
shapes = [Circle(1), Rect(2, 3), Square(1.5), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(max(shapes).name, Shape.count)
try:
    print(Blob("blob"))
except NotImplementedError as e:
    print("NotImplementedError", e)
print([type(s).__name__ for s in shapes if isinstance(s, Rect)])
