# complex() constructor: numbers, strings, keywords, __complex__, errors.
class C:
    def __complex__(self):
        return 2+3j
class F:
    def __float__(self):
        return 1.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 5
def t(*a, **k):
    try:
        print(repr(complex(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t()
t(1)
t(2.5)
t(1, 2)
t(1.5, -2.5)
t(1j)
t(1j, 1j)
t(1+2j, 3+4j)
t(real=1)
t(imag=2)
t(real=1, imag=2)
t(True, False)
t(C())
t(F())
t(I())
t(F(), F())
t(Bad())
t(None)
t([1])
t(1, None)
t('1', 2)
t(1, '2')
t(1, 2, 3)
t(foo=1)
t(1, real=2)
t(10**400)
x = 1+2j
print(complex(x) is x, type(complex(x)))
print((1j).__complex__(), (3+0j).__getnewargs__())
class MyC(complex):
    pass
m = MyC(1, 2)
print(m, type(m).__name__, type(-m).__name__, type(m + 1).__name__, isinstance(m, complex))
print(complex.__name__, type(1j), type(1j) is complex)
