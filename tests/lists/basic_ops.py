# List basics: append/extend/insert/pop/remove/index/count/reverse/clear/copy, repr.
l = [3, 1, 4]
l.append(1); print(l)
l.extend([5, 9]); print(l)
l.extend("ab"); print(l)
l.insert(0, "first"); print(l)
l.insert(100, "end"); print(l)
l.insert(-2, "mid"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
print(l.index(1), l.count(1), l.index(5), len(l))
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
print([] == [], [1, [2, [3]]], [None, True, 1.5, "s", (1,)], list(), list("xy"), list(range(4)))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
