# Long subjects (no recursion in the matcher) and backtracking-heavy patterns on
# moderate input.
import re

s = "ab" * 50000
print(len(re.match(r"(?:a|b)*", s).group()), re.match(r"(a|b)*", s).span(1))
print(len(re.match(r"(?:ab)+", s).group()), re.fullmatch(r"(?:a|b)*c?", s) is not None)
print(re.search(r"x", s), len(re.findall(r"ab", s)), len(re.sub(r"a", "xy", s)))
print(re.match(r".*b", s).end(), re.match(r".*?b", s).end(), re.search(r"(b)(?=$)", s).span())
print(len(re.split(r"(?<=a)", s)), re.match(r"(?:(?:a)*?b)*", s).end(), re.match(r"(?:a(?=b)b)*", s).end())
print(re.match(r"(?s)(.)*", "x" * 100000).group(1), re.match(r"(?:x|xx)+$", "x" * 5000).end())
print(re.match(r"((?:ab)+?)+$", s).span(), re.match(r"(?>(?:a|b)+)b", s))
t = " ".join("word%d" % i for i in range(20000))
print(len(re.findall(r"\b\w+\b", t)), re.search(r"word19999$", t).start(), len(re.split(r"\s", t)))
print(re.search(r"(a+)+c", "a" * 18), re.match(r"(x+x+)+y", "x" * 16), re.match(r"(?:a|aa)*c", "a" * 20))
print(re.search(r"(\w+)\s+\1", "x " * 30000 + "dup dup").group(1))
print(sum(1 for _ in re.finditer(r"(?m)^.*$", "\n".join(["line"] * 30000))))
