# closures over several nesting levels and cells shared between siblings
def a():
    x = 1
    def b():
        y = 2
        def c():
            z = 3
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
def make_pair():
    val = 0
    def setter(v):
        nonlocal val
        val = v
    def getter():
        return val
    return setter, getter
s, g = make_pair()
s(42)
print(g())
s("changed")
print(g())
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders()])
def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib, memo
fib, memo = fib_memo()
print(fib(30), len(memo))
print(a.__code__.co_cellvars if hasattr(a, "__code__") else None)
