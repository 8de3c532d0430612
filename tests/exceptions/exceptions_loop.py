# Exceptions inside loops: continue after errors, collecting error messages, retry pattern.
data = ["1", "2", "x", "4", "", "6.5", "-7"]
total = 0
errors = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        errors.append(str(e))
        continue
    finally:
        pass
print(total, errors)
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "success"
for i in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry:", e)
else:
    print("gave up")
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    except TypeError as e:
        return f"type error: {e}"
print([safe_div(1, x) for x in (1, 0, 4)], safe_div("a", 1))
