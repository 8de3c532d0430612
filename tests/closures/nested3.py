# Three levels of nesting with nonlocal at different levels and reads of outer variables.
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            nonlocal a, b
            a += 10
            b += 20
            return a + b
        r = level3()
        return r, b
    r2 = level2()
    return r2, a
print(level1())
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3), outer("a")("b")("c"))
def counter_factory():
    count = 0
    def make_incrementer(step):
        def incr():
            nonlocal count
            count += step
            return count
        return incr
    return make_incrementer
mk = counter_factory()
by1, by5 = mk(1), mk(5)
print(by1(), by5(), by1(), by5())
