# nonlocal counters, independent closures, closure cell sharing between functions.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
print(inc1(), inc1(), inc1(5), get1(), inc2(), get2(), get1())
def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
a = accumulator()
print(a(1), a(2), a(10))
def bank():
    balance = 0
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return deposit, withdraw
d, w = bank()
print(d(100), w(30), w(100), d(5))
