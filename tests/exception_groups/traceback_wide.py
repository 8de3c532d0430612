# A group with more than 15 members is truncated; the context prints before it.
try:
    raise ValueError(1)
except ValueError:
    raise ExceptionGroup("many", [IndexError(i) for i in range(17)])
