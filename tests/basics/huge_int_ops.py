# Big-int heavy computation: fibonacci, factorial digits, gcd by hand, int<->str.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
for n in (10, 50, 90, 91, 92, 93, 100, 300):
    print(n, fib(n))
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(100)
print(f)
print(sum(int(c) for c in str(f)))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(fact(30), fib(120)), gcd(2 ** 100, 6 ** 50))
x = int("9" * 60)
print(x + 1, x * x, x // 12345678901, x % 12345678901, -x // 3)
print(str(-x)[:5], len(str(x * x)))
print(2 ** 127 - 1, (2 ** 127 - 1) % 1000000007)
