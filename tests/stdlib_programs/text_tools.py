# string.Template, textwrap and string constants in a small report formatter.
import string
import textwrap

t = string.Template("Dear $name, your order #${order} ships $$free to $city.")
print(t.substitute(name="Ann", order=42, city="Oslo"))
print(t.safe_substitute(name="Bob"))
print(t.substitute({"name": "Cy", "order": 1}, city="Rome"))
for bad in [dict(name="x"), None]:
    try:
        if bad is None:
            string.Template("oops $").substitute()
        else:
            t.substitute(bad)
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(t.get_identifiers(), t.is_valid(), string.Template("$1").is_valid())


class Pct(string.Template):
    delimiter = "%"


print(Pct("100%% of %who").substitute(who="us"))
print(string.capwords("hello   big world"), string.ascii_letters, string.digits, string.punctuation)
print(string.Formatter().format("{0}-{x:>4}", "a", x=7), list(string.Formatter().parse("a{b}c{d!r:>3}")))

text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 20)[:3])
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50), textwrap.shorten("Hello  world!", width=11))
print(textwrap.dedent("""\
    def f():
        return 1
    """), end="")
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.indent("a\nb", "+ ", lambda line: line.startswith("b")))
w = textwrap.TextWrapper(width=15, break_long_words=True, max_lines=2, placeholder=" ...")
print(w.wrap("Supercalifragilisticexpialidocious is a long word indeed"))
print(textwrap.fill("a\tb\tc", width=10, expand_tabs=True, tabsize=4))
