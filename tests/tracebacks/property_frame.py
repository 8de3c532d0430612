# traceback through a property getter
class Rect:
    def __init__(self, w):
        self.w = w
    @property
    def ratio(self):
        return self.w / self.h
r = Rect(3)
print(r.ratio)
