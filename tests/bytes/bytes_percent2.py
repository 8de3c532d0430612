# bytes % with width/precision stars, dict keys, %a, padding, subclass of bytes.
print(b'%*d|%-*d|' % (5, 42, 4, 7), b'%.*f' % (2, 3.14159), b'%5.1s|' % b'abc')
print(b'%(name)s is %(age)d' % {b'name': b'Al', b'age': 30})
print(b'%a %a' % ('\u1234', b'x'), b'%r' % [1, 'é'])
print(b'%c%c%c' % (72, b'i', 33), b'%3c|%-3c|' % (65, 66))
print(b'%o %x %X %e %g' % (-8, -255, 3054, -1.5, 1e20))
class B(bytes):
    pass
print(B(b'%d') % 5, type(B(b'%d') % 5).__name__, b'%s' % B(b'sub'))
print(b'%s' % memoryview(b'mv'), b'%s' % bytearray(b'ba'), b'%%s' % ())
class WithBytes:
    def __bytes__(self):
        return b'custom'
print(b'<%s>' % WithBytes(), b'<%b>' % (WithBytes(),))
