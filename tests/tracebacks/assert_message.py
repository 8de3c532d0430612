# uncaught AssertionError with computed message
def check(xs):
    for x in xs:
        assert x >= 0, f"negative value {x} in {xs}"
check([1, 2])
check([3, -4])
