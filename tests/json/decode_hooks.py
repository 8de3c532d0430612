# json.loads hooks: object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
# the order in which they are called, key memoization, strict=False.
import json

doc = '{"a": [1, 2.5, {"b": NaN, "c": [Infinity, -Infinity]}], "d": {"e": {}}, "f": 10, "g": 1e3}'


def obj_hook(d):
    print("object_hook", d)
    return ("obj", sorted(d))


def pairs_hook(p):
    print("pairs_hook", p)
    return ("pairs", p)


def pf(s):
    print("parse_float", repr(s))
    return ("float", s, float(s))


def pi(s):
    print("parse_int", repr(s))
    return int(s) * 100


def pc(s):
    print("parse_constant", repr(s))
    return "const:" + s


print(json.loads(doc, object_hook=obj_hook))
print(json.loads(doc, object_pairs_hook=pairs_hook))
print(json.loads(doc, object_hook=obj_hook, object_pairs_hook=pairs_hook))
print(json.loads(doc, parse_float=pf, parse_int=pi, parse_constant=pc))
print(json.loads('[1, 2.0, 3e1]', parse_float=float, parse_int=int))
print(json.loads('[1, 2.0]', parse_float=str, parse_int=str))
print(json.loads('{}', object_pairs_hook=pairs_hook), json.loads('{}', object_hook=obj_hook))
print(json.loads('[{"x": 1}, {"x": 2}]', object_hook=obj_hook))

# the memo shares equal keys within one call
v = json.loads('[{"key": 1}, {"key": 2}, {"key": {"key": 3}}]')
k = [list(d)[0] for d in v]
print(k[0] is k[1], k[1] is k[2], list(v[2]["key"])[0] is k[0])

# strict=False lets control characters through
print(repr(json.loads('"a\tb\nc"', strict=False)))
print(repr(json.loads('{"k\x01": "v\x1f"}', strict=False)))
dec = json.JSONDecoder(strict=False)
print(dec.decode('["\x00"]'), dec.raw_decode('[1, 2] trailing'), dec.raw_decode('  x 5', 4))


# a hook that raises: the error propagates unchanged
def bad(d):
    raise KeyError("from hook")


try:
    json.loads('{"a": {"b": 1}}', object_hook=bad)
except KeyError as e:
    print("KeyError", e)


def pc_err(s):
    raise ValueError("no constants: " + s)


try:
    json.loads('[1, NaN]', parse_constant=pc_err)
except ValueError as e:
    print("ValueError", e)
# a JSONDecoder subclass with its own attributes
class D(json.JSONDecoder):
    def __init__(self):
        super().__init__(parse_int=lambda s: ("int", s))


print(json.loads('{"n": [7, -0, 12345678901234567890]}', cls=D))
print(json.JSONDecoder().scan_once('[1, 2] x', 0))
