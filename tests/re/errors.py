# Error cases: bad patterns (re.error with position), wrong argument types, bad groups.
import re

def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except re.error as e:
        print("re.error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(type(e).__name__ + ":", e)

for pat in ["(", "a)", "[a", "*", "a**", "(?<=a+)b", r"\1(a)", "(?P<1>a)", "(?P<a>x)(?P<a>y)", "a{2,1}", "[b-a]",
            r"\p", "(?z)", "(?P=nope)", "(?(9)a|b)", "a\n(b", "(?i", "x{1,}?+?", "(?<=a|bc)", r"[\d-z]", "a|*"]:
    attempt(re.compile, pat)
attempt(re.compile, "a\n  (b", re.X)
attempt(re.compile, b"\\u0041")
attempt(re.compile, "a", re.LOCALE)
attempt(re.compile, 12)
attempt(re.compile(r"(a)").sub, r"\2", "a")
attempt(re.sub, "a", r"\g<x>", "a")
attempt(re.sub, "a", r"\g<1", "a")
attempt(re.sub, "a", r"\q", "a")
attempt(re.sub, "a", lambda m: 1, "a")
attempt(re.sub, "a", 1, "a")
attempt(re.match, 1, "a")
attempt(re.match, "a", 1)
attempt(re.match, "a", None)
attempt(re.match, "a", b"a")
attempt(re.match, b"a", "a")
attempt(re.findall, b"a", ["a"])
p = re.compile(r"(?P<first>a)(b)?")
m = p.match("a")
attempt(m.group, 3)
attempt(m.group, "nope")
attempt(m.group, -1)
attempt(m.group, 1.5)
attempt(m.__getitem__, "x")
attempt(m.start, 9)
attempt(m.span, "first")
attempt(m.expand, r"\3")
attempt(m.expand, r"[\g<first>|\2]")
attempt(p.match)
attempt(p.match, "a", 0, 1, 2)
attempt(p.match, "a", foo=1)
attempt(p.match, "a", string="a")
attempt(p.match, "a", 1.5)
attempt(p.search, "ba", pos="1")
attempt(p.split, "a", maxsplit="x")
attempt(p.sub, "x")
attempt(re.compile, p, re.I)
print(p.match("xa", 1), p.search("xa", endpos=1), p.match("abc", pos=-5), p.match("abc", 5, 2), p.search("abc", 5, 2))
m = re.compile("").match("abc", 5, 2)
print(m, m.pos, m.endpos)
