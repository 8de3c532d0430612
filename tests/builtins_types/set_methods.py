# set and frozenset methods and errors
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
a = {1, 2, 3}
b = {3, 4}
t("ops", lambda: (sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b)))
t("methods", lambda: (sorted(a.union(b, [9])), sorted(a.intersection([1, 2], (2,))), sorted(a.difference(b)), sorted(a.symmetric_difference(b))))
t("predicates", lambda: (a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}), a <= a, a < a, {1} < a))
t("add discard remove", lambda: [s := {1}, s.add(2), s.discard(5), s.remove(1), sorted(s)][4])
t("remove missing", lambda: set().remove(1))
t("pop empty", lambda: set().pop())
t("update", lambda: [s := {1}, s.update([2], (3,)), s.intersection_update({1, 2}), s.difference_update([1]), sorted(s)][4])
t("sym update", lambda: [s := {1, 2}, s.symmetric_difference_update({2, 3}), sorted(s)][2])
t("ops bad", lambda: {1} | [2])
t("unhashable", lambda: {[1]})
t("frozenset", lambda: (frozenset([1, 2]) == {1, 2}, hash(frozenset()) == hash(frozenset()), sorted(frozenset("aab"))))
t("frozenset add", lambda: frozenset().add(1))
t("mixed type", lambda: (type(frozenset({1}) | {2}).__name__, type({2} | frozenset({1})).__name__))
t("repr", lambda: (repr(set()), repr({1}), repr(frozenset()), repr(frozenset({1}))))
t("set of sets", lambda: {frozenset({1}), frozenset({1})})
t("comparison", lambda: ({1, 2} == frozenset({1, 2}), {1} != {2}))
t("copy clear", lambda: [s := {1}, s.copy(), s.clear(), s][3])
t("iadd bad", lambda: [s := {1}, s.__iadd__ if hasattr(s, "__iadd__") else "no iadd"][1])
