# math integer functions: gcd, lcm, factorial, comb, perm, prod, fsum, copysign, modf, frexp.
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 40), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.comb(10, 3), math.comb(50, 25), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod(range(1, 11)), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.copysign(3, -0.0), math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.dist((0, 0), (3, 4)))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
