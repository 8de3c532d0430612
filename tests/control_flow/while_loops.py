# while loops: counters, conditions on data, digit sums, gcd, binary search.
n = 12345
digits = 0
s = 0
while n:
    s += n % 10
    n //= 10
    digits += 1
print(digits, s)
a, b = 1071, 462
while b:
    a, b = b, a % b
print(a)
data = list(range(0, 100, 7))
def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid, steps
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
for t in (0, 49, 98, 50, -1):
    print(t, bsearch(data, t))
x = 1
while x < 1000:
    x *= 3
    if x == 27:
        continue
    print(x, end=" ")
print()
