# json: dumps (indent, sort_keys, separators, ensure_ascii, default), loads of nested data, errors with positions.
import json

data = {"name": "pyc", "version": [0, 1, 2], "ok": True, "none": None, "pi": 3.14159,
        "nested": {"b": [1, {"c": "d"}], "a": "é\n\t\"q\""}, "big": 2**70, "neg": -0.5, "e": 1e100}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent="\t"))
back = json.loads(s)
print(back == data, back["nested"]["a"], type(back["big"]).__name__)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "\\u00e9\\ud83d\\ude00"]}'))
print(json.loads("  [1, 2]  "), json.loads('"x"'), json.loads("12"), json.loads("NaN"), json.loads("-Infinity"))
print(json.dumps(float("inf")), json.dumps("\u2603"), json.dumps("\u2603", ensure_ascii=False))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.loads('{"a": 1, "a": 2}'), json.loads("[1.5]", parse_float=str), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('[{"k": 1}]', object_pairs_hook=lambda pairs: pairs))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(json.dumps({"p": Point(1, 2)}, default=lambda o: {"x": o.x, "y": o.y}))
enc = json.JSONEncoder(sort_keys=True, indent=1)
print(enc.encode({"z": 1, "a": [True]}))
print(list(json.JSONEncoder().iterencode([1, "a"])))
for bad in ['{"a": 1,}', "[1, 2", '{"a" 1}', "tru", '"abc', "[1] x", "", '{"a": 01}', '"\\x"', "[1,\n 2,\n oops]"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
# indent=1: CPython's C encoder (pyc has none yet) words the NaN error differently.
for bad in [{"p": Point(1, 2)}, {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False, indent=1))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print("ValueError", e)
