# findall / finditer / split / sub / subn with function and template replacements.
import re

print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)?", "a1b"), re.findall(r"(a)|(b)", "ab"))
print(re.findall(r"", "ab"), re.findall(r"a??", "aa"), re.findall(r"(?:a|)*?", "aa"))
print([m.span() for m in re.finditer(r"\w*", "ab c")], [m.group() for m in re.finditer(r"\d", "1x2")])
print(re.split(r"(,)", "a,b,c"), re.split(r"x*", "axbc"), re.split(r"\b", "a b"), re.split(",", "a,b,c", maxsplit=1))
print(re.split(r"\s*,\s*", "a , b,c"), re.split(r"(a)|(b)", "xaybz"), re.split("z", "abc"), re.split("a", "a", maxsplit=-1))
print(re.sub("x*", "-", "abxd"), re.subn("a", "b", "aaa", count=2), re.sub(r"(?=a)", "-", "aaa"), re.sub(r"\b", "|", "ab cd"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.sub(r"(\w+)", lambda m: m.group(1).upper(), "hi there"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home x@y"), re.sub(r"a", r"\n", "bab"), re.sub(r"(a)|(b)", r"[\1|\2]", "ab"))
print(re.sub(r"(\d+)", lambda m: str(int(m[1]) * 2), "3 apples and 12 pears"), re.sub("a", lambda m: None, "banana"))
print(re.sub(r"\s+", " ", "  lots   of\t\tspace \n"), re.subn(r"o", "0", "foo boo", 3), re.sub("", "-", "abc"))
print(re.sub(r"(\w)(\w)", r"\2\1\g<0>", "abcd"), re.sub("a", r"\\", "aba"), re.sub("a", r"\t|", "ba"))
p = re.compile(r"(?P<k>\w+)=(?P<v>[^;]*);?")
print(p.sub(lambda m: f"{m['v']}:{m['k']} ", "a=1;b=two;c="), p.subn(r"\g<v>", "x=1;y=2"))
counter = []
def repl(m):
    counter.append(m.span())
    return m.group().upper()
print(re.sub(r"[aeiou]", repl, "education"), counter)
print(re.findall(r"(\w+)=(\d+)", "a=1, b=2, c=x"), dict(re.findall(r"(\w+):(\w+)", "k:v x:y")))
words = "the quick brown fox jumps over the lazy dog"
print(sorted(set(re.findall(r"\b\w{5}\b", words))), re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words."), re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))
