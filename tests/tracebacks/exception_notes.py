# exception notes printed after the message in tracebacks
def f():
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("second note")
    raise e
f()
