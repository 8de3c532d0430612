# hashlib over the built-in digest modules: constructors, new(), algorithm sets, errors.
import hashlib

for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"pyc")
    if name.startswith("shake"):
        print(name, h.hexdigest(16))
    else:
        print(name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.sha256(b"abc").hexdigest() == hashlib.new("SHA256", b"abc").hexdigest())
h = hashlib.md5()
for chunk in (b"a", b"b", b"c"):
    h.update(chunk)
print(h.hexdigest(), hashlib.md5(b"abc").hexdigest())
print(hashlib.blake2b(b"x", digest_size=16).hexdigest(), hashlib.sha3_256().name)
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("text")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
