# An invalid __match_args__ raises TypeError at match time; the traceback shows the case.
class Shape:
    __match_args__ = "radius"
    def __init__(self, radius):
        self.radius = radius

def area(s):
    match s:
        case Shape(r):
            return 3 * r * r
    return None

print(area(5))
print(area(Shape(2)))
