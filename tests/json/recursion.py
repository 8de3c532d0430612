# Deep nesting raises RecursionError in loads and dumps instead of overflowing the stack.
import json
import sys


def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", len(r) if isinstance(r, str) else type(r).__name__)
    except RecursionError as e:
        print("RecursionError", e)


attempt(json.loads, "[" * 100000 + "]" * 100000)
attempt(json.loads, '{"a":' * 100000 + "1" + "}" * 100000)
attempt(json.loads, "[" * 100000)
attempt(json.loads, "[" * 200 + "]" * 200)
attempt(json.loads, '{"a":' * 200 + "1" + "}" * 200)

deep = []
for _ in range(100000):
    deep = [deep]
attempt(json.dumps, deep)
deep = {}
for _ in range(100000):
    deep = {"k": deep}
attempt(json.dumps, deep)
attempt(json.dumps, deep, check_circular=False)
shallow = []
for _ in range(200):
    shallow = [shallow]
attempt(json.dumps, shallow)


class Wrap:
    pass


w = Wrap()
attempt(json.dumps, w, default=lambda o: [o], check_circular=False)

# after the errors everything still works
print(json.dumps(json.loads('[[{"a": [1]}]]')))
