# iterating and comparing memoryviews, nested views, views of views.
m = memoryview(b'0123456789')
print([x for x in m[::3]], list(reversed(m[:4])), sorted(m[5:], reverse=True))
v = m[2:8][1:5][::2]
print(v.tobytes(), v.tolist(), len(v), v.obj is m.obj, v.strides)
print(m[3:3].tobytes(), len(m[8:2]), m[-3:].tobytes(), m[-100:2].tobytes())
print(m[1:4] == b'123', m[1:4] == m[1:4], m[1:4] != bytearray(b'124'), b'123' == m[1:4])
ba = bytearray(b'abc')
mv = memoryview(ba)
it = iter(mv)
print(next(it), next(it))
ba[0] = 120
print(mv[0], mv.tobytes(), next(it))
mv.release()
ba.append(100)
print(ba)
