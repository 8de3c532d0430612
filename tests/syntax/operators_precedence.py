# operator precedence and associativity
print(2 + 3 * 4 ** 2, (2 + 3) * 4, 2 ** 3 ** 2, -3 ** 2)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, 10 - 4 - 3, 100 / 10 / 5)
print(not 1 == 2, not (1 and 0), 1 or 0 and 2)
print(5 > 3 == True, (5 > 3) == True)
print(-+-+5, ~~7, 2 * -3, 2 ** -2)
print(7 % 3 * 2, 7 * 3 % 5, 7 // 2 * 2)
print("a" + "b" * 3, [1] * 2 + [3])
print(1 < 2 and 2 < 3 or False)
x = 3
print(x if x > 2 else 0 + 100, (x if x > 5 else 0) + 100)
print((lambda: 0 if True else 1)() is not None)
