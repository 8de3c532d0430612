# classes defined inside functions closing over function locals
def make_class(prefix):
    count = 0
    class Tagged:
        def __init__(self, v):
            nonlocal count
            count += 1
            self.v = v
        def __repr__(self):
            return f"{prefix}{self.v}"
        @staticmethod
        def how_many():
            return count
    return Tagged
A = make_class("a-")
B = make_class("b-")
print(A(1), A(2), B(3), A.how_many(), B.how_many())
print(A.__qualname__, A is B)
