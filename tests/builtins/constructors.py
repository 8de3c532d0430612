# list/dict/set/tuple/str/int/float constructors from various iterables and copies.
print(list(range(3)), list("ab"), list({"k": 1}), list((1, 2)), list({3}), list(x for x in "xy"))
print(tuple([1]), tuple("ab"), tuple({"k": 1}.items()), tuple(range(2, 5)))
print(dict(a=1), dict([("a", 1), ["b", 2]]), dict(zip("ab", (1, 2))), dict({"x": 1}, y=2), dict(dict(q=0)))
print(sorted(set("hello")), set([1, 2, 2]), set(range(3)), set({"a": 1}) == {"a"}, frozenset("aa") == {"a"})
print(str(1), str(1.5), str([]), str("s"), int("12"), int(12.7), float("2"), float(" 3.5 "))
l = [1, 2]
l2 = list(l)
l2.append(3)
print(l, l2, list(l) is l, tuple(t := (1, 2)) is t)
