# uncaught exceptions without message and with multiple args
print("before")
raise LookupError("a", 2, None)
