# __set_name__ call order, descriptors added after class creation are not notified
class D:
    def __init__(self, tag): self.tag = tag
    def __set_name__(self, owner, name):
        print("set_name", self.tag, owner.__name__, name)
class C:
    a = D("first")
    b = D("second")
    c = d = D("shared")
C.late = D("late")
print("late has no name:", not hasattr(C.late, "name"))
class Err:
    def __set_name__(self, owner, name):
        raise ValueError("bad name " + name)
try:
    class X:
        e = Err()
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
