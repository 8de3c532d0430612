# builtins applied to complex: str/repr/format/hash/bool/sum/pow/isinstance/sorted by key.
zs = [3+4j, 1-1j, -2j, 0j, 5+0j]
print(sorted(zs, key=abs), max(zs, key=lambda z: z.imag), min(zs, key=lambda z: z.real))
print(sum(zs), sum(zs, 1j), any(zs), all(zs), list(map(abs, zs)))
print(isinstance(1j, complex), isinstance(1, complex), issubclass(bool, complex), type(1j).__mro__)
print(str(1j), repr(1j), format(1j), f'{1j!r:>8}', '%s' % (1j,), '%r' % (2j,))
print(pow(2j, 2), pow(2, 2j), pow(1+1j, -1), 2j ** 0.5)
print(complex('1+1j').real, complex(' -3.5 ').imag, complex.__doc__ is not None or True)
print({1j: 'a', 1j * 1: 'b'}, len({1j, 1j + 0, complex(0, 1)}))
try:
    print(pow(1j, 2, 3))
except ValueError as e:
    print('ValueError', e)
try:
    int('1j')
except ValueError as e:
    print('ValueError', e)
try:
    float('1j')
except ValueError as e:
    print('ValueError', e)
