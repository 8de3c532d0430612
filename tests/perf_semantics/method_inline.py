# A method call whose name only one module class defines calls that method's register
# entry by name (inlined by LLVM) when the call-site cache holds it: rebinding the
# method, a subclass made at run time, an instance attribute and a bound method of
# another object must still be honoured, and errors inside keep their frames.
import sys
import traceback


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

    def ratio(self, d):
        return self.n / d


def drive(c, times):
    total = 0
    for i in range(times):
        total += c.bump(i)
    return total


c = Counter()
print(drive(c, 5), c.n)

Counter.bump = lambda self, k: -k  # rebinding the method: seen at once
print(drive(c, 5))
del Counter.bump
try:
    drive(c, 1)
except AttributeError as e:
    print("AttributeError:", e)


def bump2(self, k):
    self.n += 2 * k
    return self.n


Counter.bump = bump2
Sub = type("Sub", (Counter,), {"bump": lambda self, k: 1000 + k})
print(drive(Sub(), 3), drive(Counter(), 3))

shadow = Counter()
shadow.bump = lambda k: 7  # instance attribute shadows the method
print(drive(shadow, 4))


def make_other():
    class Other:  # not a module-level class: the guess stays Counter.bump
        def bump(self, k):
            return 0.5

    return Other()


print(drive(make_other(), 4))


def ratio_of(obj, d):
    return obj.ratio(d)


z = Counter()
z.n = 3
print(ratio_of(z, 2))
try:
    ratio_of(z, 0)
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])
print(ratio_of(z, 4))
ratio_of(z, 0)
