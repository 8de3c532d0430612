# deque as a bounded ring buffer, its full API and its errors.
from collections import deque

recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
    print(list(recent), len(recent))
print(recent, recent.maxlen)
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, d[0], d[-1], 3 in d, 9 in d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft("xy"); print(d)
print(list(reversed(d)), d.count("b"), d.index(d[1]))
d2 = d.copy(); d2.clear(); print(d2, d == d.copy(), deque([1, 2]) < deque([1, 3]), deque([1]) != deque([1]))
print(deque([1, 2]) * 2, deque([1, 2], 3) * 2, 2 * deque("ab"), deque([1]) + deque([2]))
x = deque([1]); x += [2, 3]; x *= 2; print(x)
e = deque(); e.append(e); print(e)
r = deque(range(10), 3); print(r)
del r[0]; r[0] = "z"; print(r)
r.insert(1, "q"); print(r)
r.remove("q"); r.reverse(); print(r, bool(r), bool(deque()))
s = deque("abc"); s.extend(s); print(s)

class Stack(deque):
    def peek(self):
        return self[-1]
st = Stack([1, 2]); st.append(3)
print(st, st.peek(), type(st.copy()).__name__)

for ex in ["deque().pop()", "deque().popleft()", "deque([1])[5]", "deque([1])['a']", "deque([1])[0:1]",
           "deque([1, 2]).index(5)", "deque([1, 2]).remove(5)", "deque([1], 1).insert(0, 2)",
           "deque([1]) + [1]", "deque([], -1)", "deque([], 'a')", "deque([], 1, 2)", "deque(x=1)",
           "deque([1]).rotate('a')", "deque([1]).count()", "deque([1]) * 'a'", "deque(1)"]:
    try:
        eval(ex)
        print(ex, "no error")
    except Exception as err:
        print(ex, "->", type(err).__name__, err)
try:
    for item in d:
        d.append(1)
except RuntimeError as err:
    print("RuntimeError", err)
it = iter(deque([1, 2, 3]))
print(it.__length_hint__(), next(it), it.__length_hint__())
