# memoryview over bytearray: writes go through, exports block resizing.
ba = bytearray(b'hello world')
m = memoryview(ba)
print(m.readonly, m.obj is ba)
m[0] = ord('H')
m[6:11] = b'WORLD'
print(ba, m.tobytes())
m[::2] = b'abcdef'
print(ba)
m[1:3] = bytearray(b'ZZ')
print(ba, m[1:3].tobytes())
m[0:2] = memoryview(b'QQ')
print(ba)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def s1(): m[0] = 300
def s2(): m[0] = b'a'
def s3(): m[0:2] = b'abc'
def s4(): m[0] = -1
def s5(): m[0:2] = 'ab'
def s6(): m[20] = 1
for f in (s1, s2, s3, s4, s5, s6):
    t(f)
t(lambda: ba.append(1))
t(lambda: ba.extend(b'xy'))
t(lambda: ba.pop())
t(lambda: ba.clear())
t(lambda: ba.insert(0, 1))
def iadd():
    global ba
    ba += b'x'
t(iadd)
def delitem(): del ba[0]
t(delitem)
def slice_resize(): ba[0:2] = b'abc'
t(slice_resize)
def slice_same(): ba[0:2] = b'AB'
t(slice_same)
print(ba)
t(lambda: hash(m))
sub = m[2:5]
m.release()
t(lambda: ba.append(33))
sub.release()
ba.append(33)
print(ba, len(ba))
with memoryview(ba) as v:
    v[0] = 0x41
print(ba)
ba.extend(b'!!')
print(ba)
