# AttributeError suggestions for instance attributes and methods.
class Point:
    def __init__(self):
        self.x_coord = 1
        self.y_coord = 2
    def distance(self):
        return 0
p = Point()
try:
    p.x_cord
except AttributeError as e:
    print(e, e.name, e.obj is p)
print([].apend if False else 'ok')
p.distnce()
