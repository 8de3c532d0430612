# The built-in digest modules behind hashlib: known answers, incremental update, copy,
# attributes, SHAKE lengths, BLAKE2 parameters and the errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

msgs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5]
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    h = c()
    print(h.name, h.digest_size, h.block_size)
    for m in msgs:
        print(" ", c(m).hexdigest())
    h.update(b"a")
    h2 = h.copy()
    h2.update(b"bc")
    print("  copy", h.hexdigest() == c(b"a").hexdigest(), h2.digest() == c(b"abc").digest())

for c in (_sha3.shake_128, _sha3.shake_256):
    h = c(b"abc")
    print(h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(0), len(h.digest(1000)))

print(_sha256.sha256(string=b"abc").hexdigest()[:16], _sha256.sha256(bytearray(b"abc")).hexdigest()[:16])
print(_sha256.sha256(memoryview(b"abc")).hexdigest()[:16], _md5.md5(usedforsecurity=False).hexdigest())
print(_blake2.blake2b(b"abc", digest_size=20).hexdigest())
print(_blake2.blake2b(b"abc", key=b"secret", salt=b"salt", person=b"me").hexdigest())
print(_blake2.blake2s(b"", key=b"key").hexdigest())
print(_blake2.blake2s(b"x" * 1000, digest_size=8, person=b"p").hexdigest())

for bad in [lambda: _sha256.sha256("text"), lambda: _sha256.sha256(1), lambda: _sha3.sha3_256("x"),
            lambda: _sha3.shake_128().digest(), lambda: _sha3.shake_128().hexdigest(-1),
            lambda: _blake2.blake2b(digest_size=65), lambda: _blake2.blake2s(digest_size=0),
            lambda: _blake2.blake2b(key=b"k" * 65), lambda: _md5.md5().update("s"),
            lambda: _sha1.sha1(b"a", b"b"), lambda: _sha1.sha1(data=b"x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
