# Causes and contexts of group members print inside the group's boxes.
def fail(n):
    try:
        {}[n]
    except KeyError as e:
        raise ValueError(f"bad {n}") from e

errors = []
for n in ("a", "b"):
    try:
        fail(n)
    except ValueError as e:
        errors.append(e)

try:
    1 / 0
except ZeroDivisionError:
    raise ExceptionGroup("batch failed", errors)
