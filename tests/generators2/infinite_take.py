# infinite generators with early termination via break and return in consumer
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
for n in naturals(5):
    if n > 8:
        break
    print(n)
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
ps = primes()
print([next(ps) for _ in range(15)])
def first_over(limit):
    for p in primes():
        if p > limit:
            return p
print(first_over(100))
