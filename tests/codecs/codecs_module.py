# The codecs module over _codecs: registry look-ups through the encodings package,
# text and bytes-to-bytes codecs, incremental decoders, error handlers.
import codecs
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"), codecs.encode("abc", "latin-1"))
print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.lookup("utf_16").name)
print(codecs.encode("hi", "utf-16-le"), codecs.decode(b"h\x00i\x00", "utf-16-le"), codecs.encode("hi", "utf-32-be"))
print(codecs.encode("abc", "rot13"), codecs.encode(b"ab", "hex"), codecs.decode(b"6162", "hex"))
print(codecs.encode("€", "cp1252"), codecs.decode(b"\x80", "cp1252"), codecs.encode("a\n", "unicode_escape"))
print(codecs.BOM_UTF8, codecs.getencoder("ascii")("abc"), codecs.getdecoder("latin-1")(b"\xe9"))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"\xe2\x82")), repr(d.decode(b"\xac", final=True)))
try: codecs.lookup("nope")
except LookupError as e: print(e)
try: codecs.encode("é", "ascii")
except UnicodeEncodeError as e: print(e)
print(codecs.encode("é", "ascii", "replace"), codecs.encode("é€", "ascii", "xmlcharrefreplace"), codecs.decode(b"a\xff", "utf-8", "replace"))
