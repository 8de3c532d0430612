# AssertionError raised by assert and manually
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print(repr(e))
try:
    raise AssertionError
except AssertionError as e:
    print(repr(e))
def check(v):
    assert isinstance(v, int), f"got {type(v).__name__}"
    return v
for v in (1, "s", 2.0):
    try:
        print(check(v))
    except AssertionError as e:
        print("failed:", e)
