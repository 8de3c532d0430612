# Larger lists: build 100k elements, sum, slicing, sort reversed, membership.
n = 100000
l = list(range(n))
print(len(l), sum(l), l[-1], l[n // 2], sum(l[::1000]))
l.reverse()
print(l[:5], l[-5:])
l.sort()
print(l[:5], l[-5:], 99999 in l, -1 in l)
sq = [i * i % 1000 for i in range(5000)]
print(sum(sq), max(sq), min(sq), sq.count(0), sorted(set(sq))[:10])
s2 = sorted(sq, reverse=True)
print(s2[:10], s2[-10:])
