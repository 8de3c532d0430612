# classes with __call__ used as decorators, with state
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)
class Retry:
    def __init__(self, times):
        self.times = times
    def __call__(self, fn):
        def wrapper(*a):
            for attempt in range(1, self.times + 1):
                try:
                    return fn(*a)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            return "gave up"
        return wrapper
state = {"n": 0}
@Retry(3)
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"try {state['n']}")
    return "succeeded"
print(flaky())
state["n"] = -5
print(flaky())
