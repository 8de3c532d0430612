"""Dict look-ups whose key hash is computed inline (small ints, exact strs with a
cached hash) must agree with the generic path: big ints, negative ints, -1 (hash -2),
bools, floats equal to ints, str subclasses with their own __hash__/__eq__, keys whose
__hash__ raises, and strs whose hash is not cached yet."""


class S(str):
    def __hash__(self):
        return 7

    def __eq__(self, other):
        return str.__eq__(self, other)


class Bad:
    def __hash__(self):
        raise RuntimeError("no hash")


def main():
    d = {}
    keys = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**62, 2**63 + 5,
            -(2**63), 10**30, True, False, 1.0, -1.0, 2.5]
    for k in keys:
        d[k] = d.get(k, 0) + 1
    for k in keys:
        print(repr(k), hash(k), d[k], k in d)
    print(len(d), sorted((repr(k), v) for k, v in d.items()))
    # str keys: literal (hash maybe cached), fresh (never hashed), subclass
    w = {}
    parts = ["ab", "cd"]
    fresh = "".join(parts)
    w["abcd"] = 1
    print(w[fresh], fresh in w, w.get(fresh), w.get("ab" + "c"))
    s = S("abcd")
    print(s in w, w.get(s, "missing"))
    w[s] = 2
    print(len(w), w["abcd"], w[S("abcd")])
    # more than the scanned size, so the index is probed
    big = {str(i): i for i in range(100)}
    for i in range(0, 100, 7):
        k = "".join([str(i)])
        big[k] += 1000
    print(sum(big.values()), big["98"], "100" in big)
    ints = {}
    for i in range(300):
        try:
            ints[i % 37 - 18] += 1
        except KeyError as e:
            print("KeyError", e.args, repr(e), str(e))
            ints[i % 37 - 18] = 1
    print(sorted(ints.items())[:5], len(ints))
    for op in (lambda: d[Bad()], lambda: Bad() in d, lambda: d.get(Bad()), lambda: d.__setitem__(Bad(), 1)):
        try:
            op()
        except RuntimeError as e:
            print("RuntimeError", e)
    try:
        d[[1]] = 2
    except TypeError as e:
        print("TypeError", e)
    try:
        print({}["missing"])
    except KeyError as e:
        print("KeyError", repr(e))


main()
