# Unicode strings: accented letters, emoji, CJK - len, indexing, slicing, case, ord/chr.
words = ["café", "naïve", "Ünïcödé", "日本語テキスト", "😀👍🎉", "mixed: é😀中", "Ελληνικά", "straße", "İstanbul"]
for w in words:
    print(w, len(w), w[0], w[-1], w[1:3], w[::-1], w.upper(), w.lower(), [ord(c) for c in w[:3]])
print(chr(233), chr(0x1F600), chr(20013), ord("é"), ord("😀"), ord("中"), chr(0x10FFFF) == "\U0010ffff")
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"), "\N{GREEK SMALL LETTER ALPHA}")
print("中文".center(8, "*"), "😀".ljust(3, "-"), "über".title(), "ǆ".upper(), "ﬁ".upper())
print(sorted(["b", "á", "a", "z", "é", "E"]), max("héllo"), "é" > "z")
s = "a😀b😀c"
print(s.split("😀"), s.find("b"), s.index("c"), s.count("😀"), s.replace("😀", "-"))
print("日本" + "語", "日" * 3, "本" in "日本語", "x日本語".encode("utf-8"), len("日本語".encode("utf-8")))
print(b"caf\xc3\xa9".decode("utf-8"), "café".encode(), str("Zoë"), list("añ😀"))
