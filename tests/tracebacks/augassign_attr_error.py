# traceback for a failing augmented assignment to an attribute
class C:
    pass
c = C()
c.total = "x"
c.total += 1
