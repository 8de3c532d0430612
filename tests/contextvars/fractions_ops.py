# fractions (imports decimal): arithmetic, conversions, formatting, errors.
from fractions import Fraction
from decimal import Decimal

a, b = Fraction(1, 3), Fraction(3, 4)
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b), a // b, b % a)
print(repr(a), str(Fraction(6, 4)), Fraction("0.125"), Fraction("-3/7"), Fraction(2.5), Fraction(Decimal("1.25")))
print(Fraction(1, 3) == Fraction(2, 6), a < b, a + 1, 1 - a, a * 1.5, float(b), int(Fraction(7, 2)), round(Fraction(7, 2)))
print(Fraction(355, 113).limit_denominator(10), Fraction(3.141592653589793).limit_denominator(1000))
print(a.numerator, a.denominator, b.as_integer_ratio(), hash(Fraction(1, 2)) == hash(0.5), Fraction.from_float(0.1).limit_denominator(100))
print(Fraction.from_decimal(Decimal("0.75")), sum(Fraction(1, n) for n in range(1, 6)))
for bad in (lambda: Fraction(1, 0), lambda: Fraction("x"), lambda: a / 0):
    try:
        bad()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
import sys
print(sys.hash_info, sys.hash_info.modulus == 2 ** 61 - 1)
print(hash(Fraction(1, 3)), hash(Fraction(-7, 2)), hash(Decimal("0.1")), hash(Decimal("-2.5")), hash(Decimal(10) ** 30))
