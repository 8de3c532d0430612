# bytearray completeness: *=, %, slicing assignment, methods returning bytearray.
ba = bytearray(b'ab')
ba *= 3
print(ba)
ba *= 0
print(ba, len(ba))
ba = bytearray(b'xy')
ba2 = ba * 2
print(ba2, 2 * ba, ba + b'z', b'z' + ba, type(b'z' + ba).__name__)
print(bytearray(b'%d-%s') % (5, b'q'), bytearray(b'abc').center(7, b'.'), bytearray(b'Ab').swapcase())
ba = bytearray(range(10))
ba[2:5] = b''
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[::3]
print(ba, ba.__alloc__() >= len(ba))
ba.extend(range(3))
ba.insert(-1, 255)
print(ba, ba.pop(0), ba.pop(), ba.index(255), ba.count(0), ba.find(b'\x00\x02'))
ba.remove(255)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba, bytearray.fromhex('de ad'), ba.hex())
for bad in [lambda: ba.remove(99), lambda: ba.pop(99), lambda: ba.append(256), lambda: ba.extend([1, 'x']),
            lambda: bytearray().pop(), lambda: ba.insert('0', 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
