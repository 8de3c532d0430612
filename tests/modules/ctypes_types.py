# ctypes (pyc's own, for multiprocessing.sharedctypes and direct uses): simple types with
# C's wrap-around, arrays (`type * n`), c_char/c_wchar arrays' value/raw, from_buffer over
# bytearray and mmap, Structure/Union layout, pointer()/memset/memmove on live objects,
# pickling, and clear errors for what pyc does not support (C libraries, raw pointers).
import ctypes as C
import mmap
import pickle


def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: C.c_int(2 ** 40).value)
t(lambda: C.c_int(-1).value)
t(lambda: C.c_uint(-1).value)
t(lambda: C.c_int(3.5))
t(lambda: C.c_int('a'))
t(lambda: C.c_int(True).value)
t(lambda: C.c_byte(300).value)
t(lambda: C.c_ubyte(-1).value)
t(lambda: C.c_short(70000).value)
t(lambda: C.c_long(2 ** 64 + 5).value)
t(lambda: C.c_ulong(-1).value)
t(lambda: C.c_char(b'a').value)
t(lambda: C.c_char(65).value)
t(lambda: C.c_char(b'ab'))
t(lambda: C.c_char('a'))
t(lambda: C.c_char(256))
t(lambda: C.c_char(bytearray(b'x')).value)
t(lambda: C.c_bool(5).value)
t(lambda: C.c_bool([]).value)
t(lambda: C.c_double(1).value)
t(lambda: C.c_double('x'))
t(lambda: C.c_float(0.1).value)
t(lambda: C.c_float(1e300).value)
t(lambda: C.c_wchar('é').value)
t(lambda: C.c_wchar('ab'))
t(lambda: C.c_wchar(5))
t(lambda: C.c_int(1, 2))
t(lambda: C.c_int(x=1))
t(lambda: C.c_int(C.c_int(5)))
print(C.c_int(5), C.c_double(1.5), C.c_char(b'a'), C.c_bool(1), C.c_longlong(3), C.c_wchar('x'))
print(C.c_uint8(3), C.c_size_t(1), C.c_int64, C.c_void_p(5).value, C.c_void_p().value)
print(C.sizeof(C.c_int), C.sizeof(C.c_long), C.sizeof(C.c_wchar), C.sizeof(C.c_int * 10))
print(C.sizeof(C.c_int(1)), C.sizeof(C.c_bool), C.sizeof(C.c_longdouble), C.alignment(C.c_double))
t(lambda: C.sizeof(3))
t(lambda: C.sizeof(int))
c = C.c_int(5)
c.value = 7
print(c.value, bool(c), bool(C.c_int()))
t(lambda: setattr(c, 'value', 1.5))
t(lambda: C._SimpleCData())
t(lambda: hash(C.c_int(1)))
print(C.c_int(1) == C.c_int(1), isinstance(C.c_int(1), C._SimpleCData), type(C.c_int).__name__)

# Arrays.
A = C.c_int * 4
print(A, A.__name__, A._length_, A._type_, A.__module__, C.c_int.__module__, C.c_int._type_)
print(A.__mro__, type(A).__name__, C.c_int * 4 is A, (C.c_int * 2) * 3, 3 * C.c_int)
a = A(1, 2)
print(list(a), a[:], a[1:3], a[::-1], len(a), a[-1], isinstance(a, C.Array))
t(lambda: a[4])
t(lambda: a[-5])
t(lambda: A(1, 2, 3, 4, 5))
t(lambda: a.__setitem__(0, 'x'))
a[1:3] = [7, 8]
print(list(a))
t(lambda: a.__setitem__(slice(0, 2), [1]))
t(lambda: a.__setitem__('a', 1))
t(lambda: a['a'])
t(lambda: a.__delitem__(0))
t(lambda: C.c_int * -1)
t(lambda: C.c_int * 'a')
t(lambda: a.value)
s = (C.c_char * 6)()
s.value = b'hi'
print(s.value, s.raw, s[:], s[0], s[1:3])
t(lambda: setattr(s, 'value', b'toolongvalue'))
s.raw = b'abcdef'
print(s.value)
t(lambda: setattr(s, 'raw', b'x' * 7))
t(lambda: setattr(s, 'value', 'str'))
print((C.c_char * 5)(b'a', b'b').raw, (C.c_char * 5)(*b'hey').raw)
w = (C.c_wchar * 4)()
w.value = 'ab'
print(w.value, w[:], w[0])
d = (C.c_double * 3)()
print(d[0], type(d[0]))
b = C.create_string_buffer(b'hi')
print(C.sizeof(b), b.raw, C.create_string_buffer(4).raw, C.create_string_buffer(b'ab', 5).raw)

# from_buffer / from_buffer_copy.
ba = bytearray(8)
v = C.c_int.from_buffer(ba, 4)
v.value = 258
print(ba)
t(lambda: C.c_int.from_buffer(bytes(8)))
t(lambda: C.c_int.from_buffer(bytearray(2)))
t(lambda: C.c_int.from_buffer(ba, 6))
t(lambda: C.c_int.from_buffer(ba, -1))
t(lambda: C.c_int.from_buffer(5))
x = C.c_double.from_buffer_copy(b'\x00' * 8)
print(x.value, type(x).__name__)
m = mmap.mmap(-1, 64)
arr = (C.c_long * 4).from_buffer(m, 8)
arr[0] = -2
arr[3] = 99
print(m[8:16], m[32:40], arr[:])
del arr
m.close()

# Structures and unions.
class S(C.Structure):
    _fields_ = [('a', C.c_int), ('b', C.c_double), ('c', C.c_char)]


s1 = S(1, 2.5)
print(s1.a, s1.b, s1.c, C.sizeof(S), S.b.offset, S.b, C.alignment(S))
t(lambda: S(1, 2, b'x', 4))


class U(C.Union):
    _fields_ = [('a', C.c_int), ('b', C.c_char * 6)]


u = U()
u.b = b'AB'
print(C.sizeof(U), U.b, hex(u.a))


class T(C.Structure):
    _fields_ = [('s', S), ('arr', C.c_int * 2)]


tt = T((5,), (1, 2))
print(tt.s.a, list(tt.arr), type(tt.arr).__name__, C.sizeof(T))
t(lambda: setattr(tt, 's', 5))

# pointer(), memset, memmove, string_at.
p = C.pointer(C.c_int(3))
print(p.contents, p[0])
p[0] = 9
print(p.contents.value)
src = C.c_int(11)
dst = C.c_int(0)
C.pointer(dst)[0] = src
print(dst.value)
C.memset(C.addressof(dst), 0, C.sizeof(dst))
print(dst.value)
C.memmove(C.addressof(dst), C.addressof(src), 4)
print(dst.value)
print(C.string_at(C.addressof(b), 2))

# Pickling.
print(pickle.loads(pickle.dumps(C.c_int(5))), pickle.loads(pickle.dumps(C.c_double(0.5))).value)

# Unsupported parts fail cleanly.
try:
    C.CDLL('libfoo.so')
except OSError as e:
    print('OSError', 'libfoo.so' in str(e))


# Fields of c_char / c_wchar array types read and write as bytes / str.
class Text(C.Structure):
    _fields_ = [('b', C.c_char * 3), ('w', C.c_wchar * 2)]


tx = Text()
tx.b = b'AB'
print(tx.b, bytes(memoryview(C.string_at(C.addressof(tx), 3))))
for val in (b'ABCD', 'x', bytearray(b'a')):
    t(lambda: setattr(tx, 'b', val))
for val in ('abc', b'x'):
    t(lambda: setattr(tx, 'w', val))
tx.w = 'q'
print(repr(tx.w), tx.b)
