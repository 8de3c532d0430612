# Unhandled members plus an exception raised by a handler propagate as one new group.
def work():
    raise ExceptionGroup("jobs", [ValueError("v"), TypeError("t")])

try:
    work()
except* ValueError:
    raise KeyError("handler failed")
