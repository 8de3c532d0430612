# Lookarounds, backreferences, conditionals, lazy/greedy/possessive repeats, atomic groups.
import re

print(re.findall(r"(?<=\$)\d+", "cost $12 and $3"), re.findall(r"\w+(?=!)", "hi! yo ok!"))
print(re.findall(r"(?<!a)b", "ab cb b"), re.findall(r"q(?!u)", "qu qi q"))
print(re.match(r"(?=(a+))a*b\1", "aaab"), re.search(r"(?<=(a))b", "ab").groups())
print(re.search(r"(?<=ab)c|(?<!x)d", "xd abc"), re.search(r"(?<=(?<!x)a)b", "xab ab").span())
print(re.match(r"(?=(a))?", "a").groups(), re.match(r"(?!(a))b", "b").groups(), re.match(r"(?:(?=(a)))*a", "a").groups())
print(re.search(r"(\w)\1", "abccd").group(), re.match(r"(?P<q>['\"]).*?(?P=q)", '"hi" x').group())
print(re.match(r"(<)?(\w+)(?(1)>|$)", "<a>").groups(), re.match(r"(<)?(\w+)(?(1)>|$)", "a").groups(), re.match(r"(<)?(\w+)(?(1)>|$)", "<a"))
print(re.match(r"(?P<a>x)(?P=a)(?P<b>y)?(?(b)z|w)", "xxw").groupdict(), re.match(r"(a)?(?(1)b|c)", "c").groups())
print(re.match(r"<.*>", "<a><b>").group(), re.match(r"<.*?>", "<a><b>").group())
print(re.match(r"a*+a", "aaa"), re.match(r"(?>a*)a", "aaa"), re.match(r"(?:ab)*+c", "ababc"), re.match(r"(?>a|ab)c", "abc"))
print(re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2,3}?", "aaaa").group(), re.match(r"(?:ab){2}", "ababab").group())
print(re.match(r"(ab){1,2}?c", "ababc").groups(), re.match(r"(a){0}b", "b").groups(), re.match(r"(?:a|b){3,}+", "abab"))
print(re.match(r"a{,2}", "aaa").span(), re.match(r"a{3}?", "aaa").span(), re.match(r"(?:a{2})*?$", "aaaa").span())
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"(a+)(a*?)b", "aaab").groups())
print(re.match(r"(a*)*", "aaa").groups(), re.match(r"(a*)+", "aaa").groups(), re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match(r"(a|b)*?c", "abac").groups(), re.match(r"(?:(a)b)*", "abac").groups(), re.match(r"((a)|(b))*", "ab").groups())
print(re.match(r"(a*)+?b", "aab").groups(), re.match(r"(?:(a)|(b))*?c", "abc").groups(), re.match(r"(?:(a)|(x))*y", "axy").groups())
print(re.match(r"(?>(a)b|a)c", "ac").groups(), re.match(r"(?:(a)b|a)++c", "abac").groups(), re.match(r"(a)*+b", "aab").groups())
print(re.match(r"(a|ab)*?c", "abc").groups(), re.match(r"(ab|a)(?:c|b)", "abb").groups(), re.match(r"(?:()|a)*", "a").groups())
print(re.match(r"(a*)*b", "b").groups(), re.match(r"(a*?)*b", "aab").groups(), re.match(r"(?:a*?)*?b", "aab").span())
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"a+", "aab"), re.fullmatch(r"a*?", "aaa"), re.fullmatch(r"(?:a|ab)(?:c|bcd)", "abcd"))
print(re.search(r"\bfoo\b", "a foo b").span(), re.search(r"\Bo", "foo").span(), re.search(r"\B", ""), re.search(r"\b", ""))
# A small balanced-quote tokenizer mixing most of the above.
tok = re.compile(r"""\s*(?:(?P<num>\d+(?:\.\d+)?(?![\w.]))|(?P<str>(['"])(?:\\.|(?!\3).)*\3)|(?P<op>[-+*/()=])|(?P<name>[A-Za-z_]\w*))""")
src = """x = 3.25 * (y + 'it\\'s') - "a\\"b" / 10"""
pos = 0
while pos < len(src):
    m = tok.match(src, pos)
    if not m:
        print("stuck at", pos)
        break
    print(m.lastgroup, repr(m.group(m.lastgroup)))
    pos = m.end()
