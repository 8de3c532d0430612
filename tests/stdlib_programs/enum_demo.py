# enum: Enum, IntEnum, Flag, IntFlag, auto, unique, lookups, iteration, reprs and errors.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias

    def describe(self):
        return f"{self.name.lower()}={self.value}"

    @classmethod
    def favourite(cls):
        return cls.GREEN


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color))
print(Color.RED.describe(), Color.favourite(), Color.RED.name, Color.RED.value, len(Color), Color.__members__.keys())
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), int(Priority.HIGH))
print(repr(Priority.LOW), str(Priority.LOW), f"{Priority.LOW}", format(Color.RED), f"{Color.RED!r}")
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.R, ~Perm.R, bool(Perm(0)), Perm.RW is rw, list(Perm))
print(Mode.A | Mode.C, repr(Mode.A | Mode.C), Mode.A | 8, int(Mode.B | Mode.C), Mode(3))
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2), Planet.MERCURY.radius)
print(isinstance(Color.RED, Color), type(Color.RED), Color.RED == 1, Priority.LOW == 1, hash(Color.RED) == hash(Color.RED))
match Color(3):
    case Color.BLUE:
        print("matched blue")
for bad in [lambda: Color(7), lambda: Color["PINK"], lambda: Priority(0)]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
Shape = Enum("Shape", "CIRCLE SQUARE")
print(list(Shape), Shape.SQUARE.value)
