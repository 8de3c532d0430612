# recursive inner functions and mutual recursion through closures
def outer(n):
    def even(k):
        return True if k == 0 else odd(k - 1)
    def odd(k):
        return False if k == 0 else even(k - 1)
    return even(n), odd(n)
print(outer(10), outer(7))
def flatten(x):
    out = []
    def walk(v):
        if isinstance(v, (list, tuple)):
            for i in v:
                walk(i)
        else:
            out.append(v)
    walk(x)
    return out
print(flatten([1, [2, (3, [4])], [[5]], ()]))
def hanoi(n):
    moves = []
    def move(k, a, b, c):
        if k:
            move(k - 1, a, c, b)
            moves.append((a, c))
            move(k - 1, b, a, c)
    move(n, "A", "B", "C")
    return moves
print(len(hanoi(10)), hanoi(2))
