# repr() quoting and escaping rules for strings.
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
         "\x00\x01\x1f\x7f", "\x80\x9f\xa0", "é", "\u200b", "\U0001F600", "\ud800" if False else "\uffff",
         "", "'", '"', "\r", "\x0b\x0c", "ascii~", "\u00ad", "\u2028", "中", "\a\b"]
for c in cases:
    print(repr(c), len(c))
print(repr(["a'b", 'c"d', "e"]), repr(("x",)), repr({"k": "v'"}))
print(str("x"), ascii("é😀\n"), ascii("abc"), "%r" % "q'", "%s" % "s", "%a" % "é")
