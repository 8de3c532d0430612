# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, 1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(not 1 + 1 == 2, 1 < 2 == 2, (1 < 2) == 2, 3 & 1 == 1, -3 % 5, -(3 % 5))
print(1 if 0 else 2 if 0 else 3, [1, 2][0] + 5, "ab" * 2 + "c", 2 * -3, ~1 + 1)
print(1 + 2 > 2 and 3 or 4, 0 or 1 and 2, (0 or 1) and 2, None is not None == False)
