# json.dumps errors: circular references, NaN with allow_nan=False, bad keys, default
# failures, custom encoders returning non-str; the native types called directly.
import json
import _json


def attempt(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


a = [1]
a.append(a)
attempt(json.dumps, a)
d = {"x": 1}
d["self"] = d
attempt(json.dumps, d)
attempt(json.dumps, [{"k": [d]}])


class Node:
    pass


n = Node()
attempt(json.dumps, n, default=lambda o: [o])
attempt(json.dumps, n, default=lambda o: {"n": o})
attempt(json.dumps, float("nan"), allow_nan=False)
attempt(json.dumps, [1, float("inf")], allow_nan=False)
attempt(json.dumps, {float("-inf"): 1}, allow_nan=False)
attempt(json.dumps, {(1, 2): 3})
attempt(json.dumps, {"a": 1, b"b": 2})
attempt(json.dumps, {Node: 1})
attempt(json.dumps, {"a": 1, 2: 3}, sort_keys=True)
attempt(json.dumps, [1, Node()])
attempt(json.dumps, {"a": {1, 2}})
attempt(json.dumps, b"bytes")
attempt(json.dumps, [1, 2], default=lambda o: 1 / 0)
attempt(json.dumps, [Node()], default=lambda o: 1 / 0)


class BadItems(dict):
    def items(self):
        return [(1, 2, 3)]


attempt(json.dumps, BadItems(a=1))


class OtherItems(dict):
    def items(self):
        return [("replaced", True)]


attempt(json.dumps, OtherItems(a=1))
attempt(json.dumps, OtherItems())
attempt(json.dumps, {"big": 10**5000})

# the types themselves
print(_json.make_scanner.__name__, _json.make_encoder.__name__, type(_json.make_scanner).__name__)
enc = _json.make_encoder(None, lambda o: "D", json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)
print(enc({"a": [1, 2.5, None, "\u00e9"]}, 0), enc(object(), 0))
enc2 = _json.make_encoder({}, str, lambda s: "<" + s + ">", None, "=", ";", True, True, True)
attempt(enc2, {"b": 1, "a": "x", 3: [True]}, 0)
print(enc2({"b": 1, "a": "x", "3": [True]}, 0))
print(_json.make_encoder({}, str, json.encoder.encode_basestring, None, "=", ";", False, True, True)({(1,): 0, "a": 1}, 0))
enc3 = _json.make_encoder(None, str, lambda s: 5, None, ":", ",", False, False, True)
attempt(enc3, ["s"], 0)
attempt(enc3, [1], 0)
attempt(_json.make_encoder, [], None, None, None, ":", ",", 0, 0, 0)
attempt(_json.make_encoder, None, None, None, None, 1, ",", 0, 0, 0)
attempt(_json.make_encoder, None, None, None, None, ":", None, 0, 0, 0)
enc4 = _json.make_encoder(None, str, json.encoder.encode_basestring, 4, ":", ",", False, False, True)
print(enc4([{"a": "\u00e9"}], 0))
m = {}
enc5 = _json.make_encoder(m, repr, json.encoder.encode_basestring, None, ":", ",", False, False, True)
print(enc5([[1], Node], 0), m)

# a custom encoder function is called for every str, keys included
calls = []


def myenc(s):
    calls.append(s)
    return '"' + s.upper() + '"'


enc6 = _json.make_encoder(None, str, myenc, None, ":", ",", False, False, True)
print(enc6({"k": ["v", 1.0], 2: "w"}, 0), calls)
