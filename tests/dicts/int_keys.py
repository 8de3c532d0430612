# Dicts with int keys: sparse, negative, big ints, deletion and reinsertion ordering.
d = {}
for i in range(-5, 20, 3):
    d[i] = i * i
print(d)
for k in list(d):
    if k % 2 == 0:
        del d[k]
print(d)
d[-5] = "again"
d[0] = "zero"
print(d)
big = {2 ** 64: "a", -(2 ** 64): "b", 10 ** 30: "c"}
print(big[2 ** 64], big[-(2 ** 64)], big)
m = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 2):
    del m[i]
print(len(m), list(m)[:5], list(m)[-3:], sum(m))
m.update({i: i for i in range(0, 10)})
print(list(m.items())[-10:])
