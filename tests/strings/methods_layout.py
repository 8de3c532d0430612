# Padding/alignment methods: center/ljust/rjust/zfill/expandtabs/partition/splitlines.
for w in (0, 3, 8, 11):
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("abc".ljust(w, ".")), repr("abc".rjust(w)))
print("ab".center(5, "-"), "abc".center(6, "-"), "ab".center(6, "-"))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(6), "abc".zfill(5), "12345".zfill(3), "".zfill(2))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\tdef".expandtabs(4)), repr("\t".expandtabs(2)))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"), "abc".rpartition("z"))
text = "line1\nline2\r\nline3\rline4\n\nlast"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "x\n".splitlines(), "\n".split("\n"))
print("abc".ljust(2), "%".center(3, "%"))
