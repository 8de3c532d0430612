# exceptions raised in loops with finally and else
results = []
for i in range(4):
    try:
        if i % 2:
            raise ValueError(i)
        results.append(("ok", i))
    except ValueError as e:
        results.append(("err", e.args[0]))
    else:
        results.append(("else", i))
    finally:
        results.append(("fin", i))
print(results)
def count_attempts():
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < 3:
                raise ConnectionError("retry")
            return attempts
        except ConnectionError as e:
            print("attempt", attempts, e)
print(count_attempts())
