# more suggestion cases: short names, underscores, digits, an unset local in a loop.
def f():
    items = [1, 2]
    for item in items:
        pass
    return itme
for case in range(3):
    try:
        if case == 0:
            f()
        elif case == 1:
            lne([])
        else:
            'x'.startwith('x')
    except (NameError, AttributeError) as e:
        print(type(e).__name__, e)
l = 1
Lx = 2
Lz
