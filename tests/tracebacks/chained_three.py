# three-level exception chain mixing context and cause
def a():
    raise OSError("disk")
def b():
    try:
        a()
    except OSError as e:
        raise RuntimeError("service") from e
def c():
    try:
        b()
    except RuntimeError:
        raise SystemError("top")
c()
