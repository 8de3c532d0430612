# Instances whose __class__ was assigned stay alive until exit (the leak checker counts
# them under their current class) or die under their new class.
class A:
    def who(self):
        return "A"


class D:
    def who(self):
        return "D"


kept = D()
kept.__class__ = A
print(type(kept).__name__, kept.who())

dropped = A()
dropped.__class__ = D
print(dropped.who())
del dropped

many = [D() for _ in range(5)]
for i, o in enumerate(many):
    if i % 2:
        o.__class__ = A
print("".join(o.who() for o in many))
del many[1:3]
print("".join(o.who() for o in many))
