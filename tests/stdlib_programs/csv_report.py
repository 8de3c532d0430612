# csv: reader/writer/DictReader/DictWriter, dialects, quoting modes, multi-line fields, errors.
import csv


class Sink:
    """A minimal file-like target (write only), collecting what the writer emits."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def text(self):
        return "".join(self.parts)


SOURCE = [
    "name,dept,salary,note\r\n",
    "Ann,eng,120000,\"likes \"\"csv\"\"\"\r\n",
    "Bob,ops,95000,\"multi\r\n",
    "line\"\r\n",
    "\"Cy, Jr.\",eng,130000,\r\n",
    "\r\n",
    "Di,sales,70000,plain\r\n",
]
rows = list(csv.reader(SOURCE))
print(rows)
r = csv.reader(SOURCE)
print(next(r), r.line_num, next(r), next(r), r.line_num, r.dialect.delimiter)
people = list(csv.DictReader(SOURCE))
for p in people:
    print(dict(p))
by_dept = {}
for p in people:
    by_dept.setdefault(p["dept"], []).append(int(p["salary"]))
print({d: sum(v) // len(v) for d, v in sorted(by_dept.items())})

out = Sink()
w = csv.writer(out)
w.writerow(["id", "text", "value"])
w.writerows([[1, "plain", 2.5], [2, "has,comma", None], [3, 'has "quote"', True], [4, "new\nline", -1]])
w.writerow([""])
w.writerow([])
print(repr(out.text()))
for quoting in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    out = Sink()
    try:
        csv.writer(out, quoting=quoting, escapechar="\\", lineterminator="\n").writerow(["a", 1, 2.5, "x,y"])
    except csv.Error as e:
        print("Error", e)
    print(quoting, repr(out.text()))

out = Sink()
dw = csv.DictWriter(out, fieldnames=["name", "score"], extrasaction="ignore", restval="?")
dw.writeheader()
dw.writerow({"name": "Ann", "score": 3, "extra": 1})
dw.writerow({"name": "Bob"})
print(repr(out.text()))
try:
    csv.DictWriter(Sink(), fieldnames=["a"]).writerow({"b": 1})
except ValueError as e:
    print("ValueError", e)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\")
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(["a|b\\|c|d"], "pipes")), list(csv.reader(["x; y;  z"], delimiter=";", skipinitialspace=True)))


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


out = Sink()
csv.writer(out, Semi).writerow(["it's", "a;b", "c"])
print(repr(out.text()), list(csv.reader(["'it''s';'a;b';c"], Semi)))
print(list(csv.reader(['1,"a",,2.5'], quoting=csv.QUOTE_NONNUMERIC)))
csv.unregister_dialect("pipes")

for src, kw in [(['a,"b'], {"strict": True}), (['"a"b,c'], {"strict": True}), (["a\rb"], {}), ([1], {}), (['x'], {"quoting": csv.QUOTE_NONNUMERIC})]:
    try:
        print(list(csv.reader(src, **kw)))
    except (csv.Error, ValueError) as e:
        print(type(e).__name__, e)
for kw in [dict(delimiter=1), dict(delimiter="ab"), dict(quotechar=1), dict(lineterminator=1), dict(quoting=9), dict(bogus=1)]:
    try:
        csv.reader([], **kw)
    except TypeError as e:
        print("TypeError", e)
for bad in [lambda: csv.get_dialect("nope"), lambda: csv.writer(1), lambda: csv.writer(Sink()).writerow(1),
            lambda: csv.writer(Sink(), quoting=csv.QUOTE_NONE).writerow(["a,b"])]:
    try:
        bad()
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(["x" * 11]))
except csv.Error as e:
    print("Error", e)
csv.field_size_limit(131072)
print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator == "\n", csv.QUOTE_ALL)
