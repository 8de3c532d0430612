# Flags (inline and passed), MULTILINE/DOTALL/VERBOSE, anchors, pos/endpos.
import re

print(re.findall(r"^\w+$", "one\ntwo\nthree", re.M), re.findall(r"^\w+$", "one\ntwo"), re.findall(r".+", "a\nb", re.S))
print(re.findall(r"A", "aA", re.I), re.findall(r"(?i)a(?-i:b)", "aB Ab ab"), re.match(r"(?i:A)b", "aB"), re.match(r"a(?-i:B)", "AB", re.I))
print(re.match(r"""(?x) a  # comment
   b [ ] c \ d""", "ab c d"), re.match(r"(?x)a#b", "a"), re.search(r"(?s:.)\d", "\n1"))
print(re.findall(r"$", "a\n"), re.findall(r"\Z", "a\n"), re.search(r"a$", "a\n"), re.search(r"a\Z", "a\n"), re.findall(r"(?m)^", "a\nb\n"))
print(re.findall(r"(?m)$", "a\nb\n"), re.findall(r"(?m)^$", "\n\n"), re.search(r"\Aa", "ba"), re.search(r"(?m)\Ab", "a\nb"))
print(re.search(r"^b", "ab"), re.compile(r"^b").search("ab", 1), re.compile(r"b").match("ab", 1), re.compile(r"a$").search("ab", 0, 1))
print(re.compile(r"(?m)^b").search("a\nb", 2), re.compile(r"\bb").search("ab", 1), re.compile(r"(?<=a)b").match("ab", 1))
print(re.compile(r"b\Z").search("abc", endpos=2), re.compile(r".*").match("abcdef", 2, 4), re.compile(r"\w+").fullmatch("abc d", 0, 3))
print(re.fullmatch(r"(?m)a$", "a\n"), re.fullmatch(r"a\n?", "a\n"), re.compile("").fullmatch("ab", 1, 1))
for flags in (0, re.I, re.M, re.S, re.I | re.M | re.S):
    print(int(flags), re.findall(r"^a.", "ab\nAc\na\n", flags))
print(re.compile(r"a", re.I | re.M).flags == re.compile(r"(?im)a").flags, re.compile(r"(?x)a").flags & re.X != 0)
print(re.sub(r"(?m)^\s+|\s+$", "", "  a  \n   b  "), re.split(r"(?m)^-$\n?", "a\n-\nb\n-\nc"))
