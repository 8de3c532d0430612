# assert with and without message, message evaluated lazily
def msg():
    print("msg evaluated")
    return "custom"
assert True, msg()
try:
    assert 1 > 2
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert [], msg()
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert 0, ("tuple", 1)
except AssertionError as e:
    print(e.args)
try:
    assert None, 42
except AssertionError as e:
    print(e.args, str(e))
x = 5
assert x == 5
print("done")
