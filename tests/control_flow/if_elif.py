# Long if/elif ladders and boolean combinations with short-circuit side effects.
log = []
def t(name, val):
    log.append(name)
    return val
for a, b, c in [(True, False, True), (False, False, False), (False, True, True)]:
    log.clear()
    if t("a", a) and t("b", b):
        r = "ab"
    elif t("c", c) or t("a2", a):
        r = "c|a"
    elif not t("b2", b):
        r = "not b"
    else:
        r = "else"
    print(a, b, c, r, log)
def sign(x):
    return -1 if x < 0 else (0 if x == 0 else 1)
print([sign(x) for x in (-3, 0, 9, -0.0, 1e-300)])
