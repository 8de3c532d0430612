# try/except/else/finally execution order in all combinations.
def run(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "type":
            raise TypeError("t")
        log.append("try-end")
    except ValueError as e:
        log.append("except-value:" + str(e))
    except TypeError:
        log.append("except-type")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for k in ("none", "value", "type"):
    print(k, run(k))
def fin_only():
    try:
        return "from-try"
    finally:
        print("finally runs before return completes")
print(fin_only())
def loop_fin():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_fin())
