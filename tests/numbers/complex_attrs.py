# complex attributes, methods and dir().
z = 1.5 - 2j
print(z.real, z.imag, type(z.real), z.conjugate(), z.__abs__(), z.__neg__(), z.__pos__())
print(z.__add__(1), z.__radd__(1), z.__sub__(1), z.__rsub__(1), z.__mul__(2), z.__truediv__(2), z.__rtruediv__(2))
print(z.__pow__(2), z.__rpow__(2), z.__eq__(1), z.__ne__(z), z.__lt__(z), z.__add__('x'))
print(z.__bool__(), z.__getnewargs__(), z.__format__('.1f'))
print([n for n in dir(complex) if not n.startswith('__')])
print(sorted(set(dir(complex)) - set(dir(object))))
for name in ['real', 'imag']:
    try:
        setattr(z, name, 1)
    except AttributeError as e:
        print('AttributeError', e)
try:
    z.x = 1
except AttributeError as e:
    print('AttributeError', e)
print((5).real, (5).imag, (5).conjugate(), (2.5).real, (2.5).imag, (2.5).conjugate(), True.imag)
