# from-import forms: from math import ..., import math as m, import sys as system.
from math import sqrt, floor, pi as PI
import math as m
import sys as system
print(sqrt(81), floor(-0.5), PI, m.ceil(0.2), m.gcd(21, 14))
print(system.argv[1:], m.sqrt(2) ** 2, round(m.sqrt(2) ** 2, 10))
print(m is system.modules["math"], "math" in system.modules, type(m).__name__, m.__name__)
