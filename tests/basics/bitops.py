# Bitwise operators on ints including negatives, shifts, invert.
for a in (0, 1, 5, -5, 255, -256, 12345):
    for b in (0, 3, -1, 170):
        print(a, b, a & b, a | b, a ^ b)
for a in (1, -1, 17, -17, 1023):
    print(a, ~a, a << 3, a >> 2, a << 0, a >> 0, a >> 40, a << 40)
print(True & False, True | False, True ^ True, ~True, ~False)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (2 ** 70).bit_length())
print(int.bit_count(255) if hasattr(int, "bit_count") else None)
try:
    print(1 << -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)
