# Float arithmetic results and summation errors printed exactly.
total = 0.0
for i in range(10):
    total += 0.1
    print(i, total)
acc = 1.0
for i in range(12):
    acc /= 3
    print(acc)
print(1e308 + 1e308, -1e308 - 1e308, 1e-308 / 1e10, 2.0 ** -1074, 2.0 ** -1075)
print(0.1 + 0.7, 3 * 1.1, 1.15 * 100, 1.0 - 0.99, 123.456 - 123)
vals = [1.5, -0.25, 3.75, 1e10, 1e-10]
for v in vals:
    print(v * 3, v / 7, v ** 2, -v, v // 0.3, v % 0.3)
