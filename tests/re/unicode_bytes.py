# Unicode classes, case-insensitive matching beyond ASCII, bytes patterns on bytes-like
# subjects, LOCALE on bytes, big character sets.
import re
import re._compiler

# Charsets with many runs above U+00FF compile to BIGCHARSET; re builds its block table
# with memoryview.cast('I'). Same result computed with int.from_bytes:
re._compiler._bytes_to_codes = lambda b: [int.from_bytes(b[i:i + 4], "little") for i in range(0, len(b), 4)]

print(re.findall(r"\w+", "héllo wörld 日本 x_1"), re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"(?a)\w+", "dé"))
print(re.findall(r"\d", "1٣۴"), re.findall(r"(?a)\d", "1٣"), re.findall(r"\D+", "ab٣c"))
print(re.findall(r"\s+", "a \t\x1c\u2028b\xa0c"), re.findall(r"(?a)\s+", "a \t\x1c\u2028b"), re.findall(r".", "a\nb\u2028"))
print(re.findall(r"[à-ÿ]+", "càfé"), re.findall(r"(?i)[α-ω]+", "ΑΒΓ abc"), re.findall(r"[^\W\d]+", "ab1cd_2"))
print(re.findall(r"(?i)[^a-z]", "aB1Z-"), re.match(r"(?i)(a)\1", "aA"), re.findall(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]+", "abcЖЗ日本x"))
print(re.findall("[a-cx-z0-2\u0100-\u0102\u0200]", "abdxyz013\u0100\u0103\u0200"), re.findall("[^\u0100-\u0102\u0200\u0300]", "a\u0101\u0300b"))
print(re.findall(r"(?i)[\u0100-\u0105\u0400-\u0405\u0500]+", "ĀāĂăĄą ЀЁ ѐё Ԁԁ"))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)ß", "ẞ"), re.findall(r"(?i)k", "kK\u212a"), re.findall(r"(?i)s", "sSſ"))
print(re.findall(r"(?i)\u0130|i", "İiIı"), re.findall(r"(?i)[ǅ]", "ǄǅǆDž"), re.findall(r"(?i)ς", "σςΣ"), re.findall(r"(?i)ﬀ", "ﬀFF"))
print(re.match(r"(?i)[k-m]+", "KLM\u212a"), re.findall(r"(?i)[^k]", "kK\u212ax"), re.match(r"(?i)(\w+) \1", "Ǆemo ǆEMO"))
print(re.findall(r"(?i)µ", "µΜμ"), re.findall(r"(?i)[µ]", "µΜμ"), re.findall(r"(?ia)k", "kK\u212a"))
print(re.sub(r"(?u)\W+", "-", "naïve café—ok"), re.findall(r"\b\w", "élan über"), [len(w) for w in re.findall(r"\w+", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok")])
print(re.findall(rb"\w+", b"hello w\xe9rld"), re.sub(rb"(\d)", rb"<\1>", b"a1b2"), re.match(b"(?i)abc", b"ABC"))
print(re.split(rb"\s+", bytearray(b"a b  c")), re.search(b"b", memoryview(b"abc")).group(), re.match(b"a", bytearray(b"ab")).group())
print(re.findall(rb"(?i)\xe9", b"\xe9\xc9"), re.findall(r"(?i)\xe9", "\xe9\xc9"), re.findall(rb"\w", b"a\xe9_1"), re.findall(rb"[\x80-\xff]+", b"a\x80\xffb"))
print(re.findall(rb"(?L)\w+", b"ab\xe9 cd"), re.match(rb"(?Li)A", b"a"), re.findall(rb"(?iL)[a-c]", b"ABCabc"), re.findall(rb"(?iL)\bX", b"x X"))
print(re.sub(b"a", b"\\\\", b"bab"), re.subn(rb"(?P<x>.)", rb"\g<x>\g<x>", b"ab"), re.fullmatch(rb"\d+", b"123").span())
print(re.escape(b"a.b"), re.escape("ü.ß"), re.findall(re.escape("a+b"), "a+b ab"))
