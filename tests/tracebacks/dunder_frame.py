# traceback through an operator dunder called implicitly
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Money(self.v + other.v)
a = Money(1)
b = a + Money(2)
print(b.v)
c = a + 5
