# Uncaught AttributeError on a user object through a method call.
class Foo:
    def __init__(self):
        self.y = 1
    def show(self):
        return self.x
f = Foo()
print(f.y)
print(f.show())
