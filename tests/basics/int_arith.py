# Integer arithmetic: + - * / // % ** and their sign rules (floor semantics).
for a in (7, -7, 0, 1, -1, 13, -13):
    for b in (3, -3, 1, -1, 5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -1, 10 ** -2)
print(0 ** 0, 1 ** 1000, (-1) ** 1001)
x = 10
x += 5; print(x)
x -= 20; print(x)
x *= -3; print(x)
x //= 4; print(x)
x %= 7; print(x)
x **= 3; print(x)
print(-(-5), +5, -0, abs(-12))
print(17 // 5 * 5 + 17 % 5 == 17, -17 // 5 * 5 + -17 % 5 == -17)
print(1_000_000 + 1, 0x_ff, 0o17, 0b1010_1010)
