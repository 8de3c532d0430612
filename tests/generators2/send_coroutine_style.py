# coroutine-style generators: averager and a tiny state machine
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 5]:
    print(a.send(v))
def parser():
    state = "start"
    while True:
        tok = yield state
        if state == "start" and tok == "(":
            state = "open"
        elif state == "open" and tok.isdigit():
            state = "num"
        elif state == "num" and tok == ")":
            state = "done"
        else:
            state = "error:" + tok
p = parser()
print(next(p))
for t in ["(", "7", ")"]:
    print(t, p.send(t))
p2 = parser(); next(p2)
print(p2.send("x"))
