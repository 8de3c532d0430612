# big integer arithmetic: factorials, fibonacci, gcd, modular exponent, digit sums
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f50 = fact(50)
print(f50, len(str(f50)), sum(map(int, str(f50))))
a, b = 0, 1
for _ in range(200):
    a, b = b, a + b
print(a, a % 1000000007, a.bit_length())
def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
print(gcd(fact(30), 2 ** 40 * 3 ** 5), gcd(a, b))
print(pow(3, 10 ** 18, 10 ** 9 + 7), pow(2, 521) - 1 > 10 ** 150)
n = 2 ** 127 - 1
print(n, n // 10 ** 20, n % 97, -n // 7, -n % 7, divmod(n, -12345))
print(str(10 ** 50 + 1)[::-1], int("9" * 40) + 1 == 10 ** 40)
print((-2) ** 101, 7 ** 77 & 0xFFFF, (1 << 100) | 1, ~(1 << 70) ^ 5)
x = 12345678901234567890
print(x * x, x * -x, x // -3, x ** 3 // x ** 2 == x)
