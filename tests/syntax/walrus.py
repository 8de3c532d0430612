# assignment expressions (walrus) in conditions, comprehensions and calls
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
i = 0
while (v := data[i]) != 9:
    print("v", v)
    i += 1
print("stopped at", v, i)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
total = 0
sums = [total := total + x for x in data]
print(sums, total)
print((z := 5) + z)
def f(a):
    return a * 2
print(f(w := 21), w)
vals = {k: (t := k * 3) for k in range(3)}
print(vals, t)
print(any((hit := x) > 5 for x in data), hit)
def g():
    [q := j for j in range(4)]
    return q
print(g())
