# ** with complex operands, negative floats to fractional powers, and errors.
print((-8) ** (1/3))
print((-1) ** 0.5, (-2.0) ** 1.5, (-4) ** 0.5, (-8.0) ** -0.5)
print(2 ** 0.5, (-2) ** 2.0, (-2.0) ** 3)
print((1+2j) ** 3, (1+2j) ** -2, (1+2j) ** 0, (1+2j) ** 0.5, (2+0j) ** (1+1j))
print((3j) ** 100, (1.1j) ** 101, 0j ** 0, 0j ** 2, 0j ** 0.5)
print(pow(1j, 2), pow(2, 1j), pow(2.5, 2j))
for f in [lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** -2.5, lambda: (1e200j) ** 2,
          lambda: pow(1j, 2, 3), lambda: pow(2, 1j, 5), lambda: complex(1e308, 1e308) ** 3,
          lambda: 10j ** 1000.5]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
