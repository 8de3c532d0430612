# Exceptions raised in a consumer while a generator is suspended, and in generator while consumer iterates.
def produce():
    try:
        for i in range(5):
            yield i
    finally:
        print("producer finally")
def consume():
    for x in produce():
        if x == 2:
            raise ValueError("consumer stop at 2")
        print("consumed", x)
try:
    consume()
except ValueError as e:
    print("caught", e)
def faulty():
    yield 1
    yield 1 // 0
def use():
    total = 0
    for v in faulty():
        total += v
    return total
try:
    use()
except ZeroDivisionError as e:
    print("caught", type(e).__name__, e)
gen = (10 // x for x in [5, 2, 0, 1])
out = []
try:
    for v in gen:
        out.append(v)
except ZeroDivisionError:
    print("genexpr failed after", out)
