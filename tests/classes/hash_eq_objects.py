# Objects as dict keys and set members via __hash__/__eq__; default identity hashing.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(2, 1) in pts, sorted(pts, key=lambda p: (p.x, p.y)))
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)], d.get(Point(9, 9), "none"))
class Ident:
    pass
i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, i1 != i2, len({i1, i2, i1}), hash(i1) == hash(i1), i1 is not i2)
