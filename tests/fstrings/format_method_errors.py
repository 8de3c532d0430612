# str.format parse errors: the message CPython's parse_field gives for each malformed field.
for f in ['{', '{0', '{0!', '{0!}', '{0!r', '{0!rx}', '{0:', '{0[', '{0[}', '{!}', '{a!}', 'x{',
          '{:{', '{0!r:', '}', '{0}}', '{{', '{0:{1}', '{0!:}', '{0!r!}', '{0!}}', '{a{}', '{0[{]}',
          '{0[}]}', '{0:{1}}', '{!r:>5}', '{0.}', '{0[]}', '{}{', 'ab}}cd{{', '{0!r}']:
    try:
        print(repr(f), repr(f.format([1, 2], 3)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for x in [5, None, iter([1]), "xyz", {"a": 1}]:
    try:
        print(repr("-".join(x)))
    except TypeError as e:
        print("join", e)
print([type(iter(s)).__name__ for s in ["", "abc", "é"]])
for r in ['x', 1.5, 2**70, True, 0, 2]:
    try:
        print(sorted([2, 1, 3], reverse=r))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    sorted(5, foo=1)
except TypeError as e:
    print(e)
