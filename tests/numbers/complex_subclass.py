# subclasses of complex: repr override, operators return complex, __complex__ protocol.
class Z(complex):
    def __repr__(self):
        return 'Z' + super().__repr__()
z = Z(1, 2)
print(repr(z), str(z), z + 1, type(z + 1).__name__, type(z.conjugate()).__name__, z == 1+2j, abs(z))
print(complex(z), type(complex(z)).__name__, Z('3+4j'), Z(), isinstance(z, complex))
class HasComplex:
    def __complex__(self):
        return complex(5, 6)
print(complex(HasComplex()), type(complex(HasComplex())).__name__)
class R(complex):
    def __add__(self, other):
        return 'custom add'
print(R(1) + 1, 1 + R(1), R(2) * 2)
