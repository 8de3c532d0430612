# Memoization with a dict in a closure and via default argument; big results.
def memoize(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(200), len(fib.cache))
def ways(n, coins=(1, 5, 10, 25, 50), memo={}):
    key = (n, len(coins))
    if key in memo:
        return memo[key]
    if n == 0:
        r = 1
    elif n < 0 or not coins:
        r = 0
    else:
        r = ways(n - coins[0], coins) + ways(n, coins[1:])
    memo[key] = r
    return r
print(ways(100), ways(300))
