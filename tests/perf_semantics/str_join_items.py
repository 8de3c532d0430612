"""str.join over lists and tuples of few items (the usual word building): one item
(returned as is when it is an exact str, copied when it is a subclass), non-str items
(TypeError naming the position), empty and non-ASCII separators."""


class S(str):
    pass


def main():
    for parts in ([], ["a"], ["ab", "cd"], ("x", "y", "z"), ["é", "ß", ""], [S("sub")]):
        r = "".join(parts)
        print(repr(r), type(r).__name__, len(r), repr("-".join(parts)), repr("·".join(parts)))
    one = "solo"
    print("".join([one]) is one)
    for bad in (["a", 1], [None], ("a", "b", b"c"), ["a", S("b"), 3.5]):
        try:
            ",".join(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        "".join(5)
    except TypeError as e:
        print("TypeError", e)
    print("".join(x for x in "gen"), "".join({"k": 1}))
    words = []
    seed = 7
    for _ in range(200):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        parts = []
        for _ in range(1 + seed % 3):
            parts.append("kalomi"[seed % 5:seed % 5 + 2])
            seed >>= 1
        words.append("".join(parts))
    print(len(words), sum(map(len, words)), words[:6])


main()
