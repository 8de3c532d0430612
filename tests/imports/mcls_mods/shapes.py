class Base:
    def __repr__(self):
        return f'{type(self).__name__}({self.side})'
class Square(Base):
    def __init__(self, side):
        self.side = side
def area(sh):
    return sh.side ** 2
