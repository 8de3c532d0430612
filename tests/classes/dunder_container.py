# Container protocol: __len__, __getitem__ (ints and slices), __setitem__, __delitem__, __contains__, __iter__.
class Deck:
    def __init__(self):
        self.cards = [r + s for s in "SH" for r in "A23"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __setitem__(self, i, v):
        self.cards[i] = v
    def __delitem__(self, i):
        del self.cards[i]
    def __contains__(self, c):
        print("contains called")
        return c in self.cards
d = Deck()
print(len(d), d[0], d[-1], d[1:3], "2H" in d, "9C" in d, bool(d))
d[0] = "KS"
del d[1]
print(list(d), [c for c in d], sorted(d), list(reversed(d)))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
class It:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
print(list(It(3)), sum(It(5)), 2 in It(3), max(It(4)))
class Zero:
    def __len__(self):
        return 0
print(bool(Zero()), "falsy" if not Zero() else "truthy")
