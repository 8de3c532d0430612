# complex arithmetic with int, float and complex operands.
a = 3 + 4j
b = 1 - 2j
for x, y in [(a, b), (a, 2), (2, a), (a, 1.5), (1.5, a), (b, b), (a, True), (-a, 10**20)]:
    print(x + y, x - y, x * y, x / y)
print(-a, +a, abs(a), abs(b), a.conjugate(), b.conjugate())
print(a == 3 + 4j, a != b, (2+0j) == 2, (2+0j) == 2.0, 2 == (2+0j), 2.5 == (2.5+0j), (1+1j) == 1)
print(1j * 1j, (1+1j) ** 2, 1j ** 2, 2 ** 1j, 1j ** 1j)
print((1+2j) / (3+4j), (1e300+1e300j) / (1e300+1e300j), 1 / 1j, 1j / 2)
print(complex(0, float('inf')) * 2, 2 * complex(float('inf'), 0))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), bool(1+0j))
x = 1+1j
x += 1
x *= 2j
x -= 1.5
x /= 2
print(x)
print(sum([1j, 2, 3.5, 4+4j]), sum([1j] * 3, 1j))
