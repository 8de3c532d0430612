# generator expressions as sole call argument and with other arguments
print(sum(x * x for x in range(4)))
print(max((len(w), w) for w in "a bb ccc".split()))
print(sorted((x % 3 for x in range(7)), reverse=True))
print("".join(c.upper() for c in "abc" if c != "b"))
print(list(zip((i for i in range(3)), "xyz")))
def count(it, start=0):
    return start + sum(1 for _ in it)
print(count((x for x in "hello"), 10))
print(dict((k, v) for k, v in [("a", 1), ("b", 2)]))
