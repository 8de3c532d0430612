# ascii, callable, format, frozenset, vars, globals, locals, __import__.
print(ascii('héllo\n'), ascii(['ü', b'\xff', 1j]), ascii(None), ascii('\U0001F600'))
class K:
    def __call__(self):
        return 1
print(callable(K), callable(K()), callable(1), callable(print), callable(lambda: 0), callable(None))
print(format(1j), format(255, 'x'), format(3.5, '08.2f'), format('s', '^5'), format(True), format(b'x' if False else 1, ''))
fs = frozenset([3, 1, 2])
print(sorted(fs), frozenset() == frozenset([]), fs | {4} == {1, 2, 3, 4}, type(fs | {4}).__name__, hash(fs) == hash(frozenset([1, 2, 3])))
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class V:
    def __init__(self):
        self.x = 1
print(vars(V()), sorted(k for k in vars(V) if not k.startswith('__')))
print('f' in globals(), globals()['f'] is f, locals() is globals())
m = __import__('math')
print(m.sqrt(16), __import__('sys').maxsize > 0)
try:
    vars(1)
except TypeError as e:
    print('TypeError', e)
try:
    __import__('no_such_module_xyz')
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(e, e.name)
