# unicodedata: names and lookup, properties, numeric values, the four normalization
# forms (Hangul included), error paths.
import unicodedata as ud

print(ud.unidata_version)
chars = "aZ5½Ⅻ٣\u00e9\u0301 \t\u00a0€→≠ℌ가각\u4e00\U00020000\U0001F600\u0600\u05d0\u200f\uff21\u3000\ufb01\U000E0001\ud7a3\x00\U0010ffff\u0378"
for c in chars:
    print("%04X" % ord(c), ud.name(c, "?"), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None))
for n in ["LATIN SMALL LETTER A", "latin small letter a", "EURO SIGN", "HANGUL SYLLABLE GAG",
          "CJK UNIFIED IDEOGRAPH-4E00", "GRINNING FACE", "CJK UNIFIED IDEOGRAPH-04E00", "cjk compatibility ideograph-f900",
          "NUSHU CHARACTER-1B170", b"SNOWMAN"]:
    print(n, ascii(ud.lookup(n)))
print(sum(1 for i in range(0x3000) if ud.category(chr(i)) == "Lu"))
print(sum(ud.combining(chr(i)) for i in range(0x10000) if not 0xD800 <= i < 0xE000))  # pyc strs hold no surrogates
print(sum(1 for i in range(0x250) if ud.name(chr(i), None)))

samples = ["e\u0301", "\u00e9", "\ufb01", "Å", "A\u030a", "\u1e9b\u0323", "가각", "\u1100\u1161\u11a8",
           "q\u0307\u0323", "x\u0323\u0307\u0301", "①②", "ｶﾞ", "\u2126", "\u0344", "\u0f73", "\U0001d15e"]
for s in samples:
    print(ascii(s), [ascii(ud.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [ud.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
text = "".join(chr(i) for i in range(0xa0, 0x2000) if ud.category(chr(i)) != "Cn")
for f in ("NFC", "NFD", "NFKC", "NFKD"):
    r = ud.normalize(f, text)
    print(f, len(r), sum(map(ord, r)) % 1000003)


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: ud.name("\x00"))
show(lambda: ud.name(65))
show(lambda: ud.name("ab"))
show(lambda: ud.category(""))
show(lambda: ud.lookup("NO SUCH CHARACTER NAME"))
show(lambda: ud.lookup("CJK UNIFIED IDEOGRAPH-0041"))
show(lambda: ud.lookup("cjk unified ideograph-4e00"))
show(lambda: ud.lookup("hangul syllable gag"))
show(lambda: ud.lookup("TANGUT IDEOGRAPH-17000"))
show(lambda: ud.decimal("a"))
show(lambda: ud.digit("x"))
show(lambda: ud.numeric("y"))
show(lambda: ud.normalize("NFX", "a"))
show(lambda: ud.normalize("NFC", 1))
show(lambda: ud.name())
print(ud.decimal("a", -1), ud.numeric("⅓"), ud.digit("²"), ud.numeric("\u4e07"))
