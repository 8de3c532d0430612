# dumps/loads round trips through the native scanner and encoder (no indent).
import json
import enum
from collections import OrderedDict


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


class Flt(enum.Enum):
    A = 1.5


class MyInt(int):
    def __repr__(self):
        return "MyInt!"

    def __str__(self):
        return "MyInt-str"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


data = {
    "name": "pyc",
    "ints": [0, 1, -1, 2**31, -2**63, 2**64 + 1, 10**40, -10**30],
    "floats": [0.0, -0.0, 1.5, -2.25, 1e100, 1e-7, 3.141592653589793, 1e16, 123456789.125, 5e-324],
    "bools": [True, False, None],
    "nested": {"a": {"b": {"c": [1, [2, [3, {"d": []}]]]}}, "empty": {}, "el": []},
    "tuple": (1, 2, (3, 4)),
    "unicode": "h\u00e9llo w\u00f6rld \u4e2d\u6587 \U0001f600 \u2028\u2029",
    "escapes": "quote\" backslash\\ slash/ \b\f\n\r\t \x00\x01\x1f \x7f",
    "surrogates": "\ud800 \udfff \ud83d\ude00",
}

for ensure_ascii in (True, False):
    s = json.dumps(data, ensure_ascii=ensure_ascii)
    print(ascii(s))
    back = json.loads(s)
    print(back == json.loads(json.dumps(back, ensure_ascii=ensure_ascii)))
    print(back["tuple"], back["surrogates"] == data["surrogates"])

print(json.dumps(data, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, separators=(" ,  ", " : "), sort_keys=True))
print(json.dumps({3: "c", 1: "a", 2: "b"}, sort_keys=True))
print(json.dumps({"b": 1, "a": {"z": 1, "y": 2}}, sort_keys=True, separators=(",", ":")))

# key coercion
print(json.dumps({1: 1, 2.5: 2, True: 3, None: 4, -7: 5, 1e20: 6, MyInt(9): 7, MyFloat(0.5): 8}))
print(json.dumps({False: 0, Color.RED: "r"}))
print(json.dumps({float("nan"): 1, float("inf"): 2, float("-inf"): 3}))
print(json.dumps({(1, 2): 1, "a": 2, frozenset(): 3, "b": 4}, skipkeys=True))
print(json.dumps({(1, 2): 1}, skipkeys=True))

# subclasses and enums as values
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyDict(a=1), True, Color.GREEN, Color.RED]))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps(10**300), json.dumps(-(2**100)))
print(json.dumps("\u20ac", ensure_ascii=True), json.dumps("\u20ac", ensure_ascii=False))
print(json.dumps(["x"] * 3), json.dumps([]), json.dumps({}), json.dumps(()), json.dumps(""))


# default hook
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def default(o):
    print("default", type(o).__name__)
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    if isinstance(o, Flt):
        return o.value
    raise TypeError(f"nope {type(o).__name__}")


print(json.dumps([Point(1, 2), {3, 1, 2}, Flt.A, {"p": Point(Point(0, 0), [])}], default=default))
print(json.dumps({"k": Point(1, 1)}, default=default, sort_keys=True, separators=(",", ":")))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps([1j, 2 + 3j], cls=Enc))
print(Enc(sort_keys=True).encode({"b": 1j, "a": 2}))
# check_circular=False still encodes fine
print(json.dumps([[1], [2]], check_circular=False))
# the same (non-circular) list twice is fine
shared = [1, 2]
print(json.dumps([shared, shared, {"a": shared}]))

# round trip of many records
records = [{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "b"][: i % 3], "ok": i % 2 == 0, "none": None} for i in range(200)]
s = json.dumps(records)
print(len(s), json.loads(s) == records)
print(json.loads(json.dumps(records, sort_keys=True, separators=(",", ":"))) == records)

# loads of varied input
for text in [
    '  {"a" : [1, 2.5, -3e2, 4E+2, 5e-1, 0, -0, -0.0, 1.0e1] , "b":{ } , "c":[ ]}  ',
    '"\\u00e9\\ud83d\\ude00\\ud800x\\udc00"',
    '[true,false,null]',
    '123', '-1', '1.5', '"x"', '[]', '{}', '\t\n\r [1]\n',
    '[1e5, 1E-5, 0.5e+3, 12345678901234567890123, -98765432109876543210]',
    '[NaN, Infinity, -Infinity]',
    '{"a": 1, "a": 2}',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '["\u4e2d\u6587", "\U0001f600"]',
]:
    v = json.loads(text)
    print(repr(v))
print(json.loads(b'[1, "x"]'), json.loads(bytearray(b'{"a": 2}')))
print(json.loads('"\\u00e9"'.encode("utf-16")))
