# starred assignment edge cases: star alone in list, empty star, strings and generators
*a, = []
print(a)
[*b] = "xyz"
print(b)
c, *d = (x for x in [1])
print(c, d)
*e, f = range(1)
print(e, f)
g, *h, i = "ab"
print(g, h, i)
(j, *k), *l = [[1, 2, 3], 4]
print(j, k, l)
try:
    *m, n = []
except ValueError as ex:
    print(ex)
