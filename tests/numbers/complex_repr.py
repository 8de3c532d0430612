# repr/str of complex numbers: signs, zeros, nan/inf, exponent notation.
n = float('nan'); i = float('inf')
vals = [1j, -1j, 2+3j, 2-3j, 0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
        complex(n, i), complex(-n, -n), complex(1, -n), complex(0, n), complex(-i, 2), complex(i, -i),
        complex(1e16, 1), complex(1.5, 1e-5), complex(1e22, 1e22), 1.5j, 1e300j, 1e-300j,
        complex(0.1, 0.2), complex(123456789.0, 1e-7), 2.0+0j, (1+2j)*1e16, complex(5e-324, -5e-324)]
for z in vals:
    print(repr(z), str(z), z.real, z.imag)
print([1j, 2+0j], (3j,), {1j: 2})
