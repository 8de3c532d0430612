# hash of complex numbers equals hash of equal ints/floats; usable as dict/set keys.
print(hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(0j) == 0, hash(complex(-1, 0)) == hash(-1))
print(hash(1j), hash(2-3j), hash(complex(1e100, -1e-100)), hash(complex(float('inf'), 1)))
d = {1: 'int', 2.0: 'float'}
d[1+0j] = 'complex'
d[2+0j] = 'complex2'
d[3j] = 'c3'
print(d)
print(len({1, 1.0, 1+0j, True}), {0j, 0, 0.0, False})
print(1j in {1j: 1}, (1+0j) in [1], 1 in [1+0j], [1j, 2j].index(2j), (1j, 2j).count(1j))
