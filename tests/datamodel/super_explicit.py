# two-argument super, super on properties and attributes, super() objects
class A:
    x = "A.x"
    def who(self):
        return "A"
    @property
    def p(self):
        return "A.p"
class B(A):
    x = "B.x"
    def who(self):
        return "B"
    @property
    def p(self):
        return "B.p/" + super().p
class C(B):
    def who(self):
        return "C"
c = C()
print(super(C, c).who(), super(B, c).who(), super(C, c).x, super(B, c).x)
print(c.p)
try:
    super(C, c).nothing
except AttributeError as e:
    print(e)
try:
    super(C, 5)
except TypeError as e:
    print(e)
print(super(B, C).who(c))
