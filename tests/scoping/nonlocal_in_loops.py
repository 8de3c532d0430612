# nonlocal counters updated in loops and comprehension-called closures
def run():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    results = [add(i) for i in range(5)]
    for i in range(3):
        add(100)
    return results, total
print(run())
def make_accumulators():
    accs = []
    for i in range(3):
        def acc(v, _state=[0]):
            _state[0] += v
            return _state[0]
        accs.append(acc)
    return accs
a1, a2, a3 = make_accumulators()
print(a1(1), a1(1), a2(5), a3(0))
