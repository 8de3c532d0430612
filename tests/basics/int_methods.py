# int/float methods and conversions: to_bytes-free set: bit_length, conjugate, real, hex/oct/bin.
for n in (0, 1, -1, 255, -255, 4096, 2 ** 40 + 3):
    print(n, hex(n), oct(n), bin(n), n.bit_length(), n.real, n.imag, n.numerator, n.denominator)
print(int.__name__, float.__name__, bool.__name__, type(3).__name__)
print((10).__str__(), (10).__repr__(), 10 .__class__.__name__)
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#o} {255:#b} {255:08b}")
print(int("-0x1f", 16), int("1f", 16) == 0x1F, 0xDEADBEEF)
print(format(12345, ","), format(-12345.678, ","), format(10 ** 12, "_"), format(255, "_x"))
print(1 .real, (2.5).real, abs(-2.5).hex())
