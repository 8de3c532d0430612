# Every JSONDecodeError message and position of the decoder, and the scanner's
# StopIteration contract.
import json

bad = [
    '', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '[,1]', '[1,,2]', ']', '{', '{"a"', '{"a":',
    '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '{"a":1 "b":2}', '{,}',
    '{"a":}', '{1:2}', '"abc', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\ud800\\uzzzz"', '"a\nb"',
    '"\x00"', '[1] x', '{} {}', '1 2', 'nul', 'tru', 'fals', 'Nan', 'Infinit', '-Infinit', '-',
    '--1', '+1', '.5', '01', '1.', '1.e5', '1e', '1e+', '[1.]', 'x', '[x]', '{"a": x}',
    '["\\', '"\\', '[\n  1,\n  2\n  x]', '\n\n  {"k": \n  @}', '{"a":1}}', '[[[]]', '{"é": é}',
    '"\u4e2d\\q"', '[1, 2, 3,\n]', '\ufeff[1]', '[1e400, -1e400, 1e-400]', '123abc', '0x10',
    '[-]', '[- 1]', '{"a" : 1 , }', '["a" "b"]', '  \t', '[true false]', '[null,]',
]
for text in bad:
    try:
        v = json.loads(text)
        print(repr(text), "->", repr(v))
    except json.JSONDecodeError as e:
        print(repr(text), "->", type(e).__name__, e.msg, e.pos, e.lineno, e.colno, "|", e)
    except ValueError as e:
        print(repr(text), "-> ValueError", e)

# big ints over the digit limit
try:
    json.loads("1" * 5000)
except ValueError as e:
    print("ValueError", e)
print(len(str(json.loads("9" * 4300))))

# scan_once: StopIteration carries the index where no value starts
scan = json.JSONDecoder().scan_once
for s, i in [("", 0), ("abc", 0), ("[1]", 3), ("  1", 0), ("[1, x]", 4), ("1", 5)]:
    try:
        print(repr(s), i, scan(s, i))
    except StopIteration as e:
        print(repr(s), i, "StopIteration", e.value)
try:
    scan("[1, x]", 0)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    scan("1", -1)
except ValueError as e:
    print("ValueError", e)
try:
    scan(5, 0)
except TypeError as e:
    print("TypeError", e)
print(scan('"\u00e9\u00e9" [1]', 0), scan('"\u00e9\u00e9" [1]', 5), scan('\u00e9[1, 2]', 1))
