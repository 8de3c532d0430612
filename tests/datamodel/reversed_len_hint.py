# __reversed__, reversed() on sequences, __length_hint__ is optional
class Rev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(Rev())))
class SeqLike:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(SeqLike())))
try:
    reversed(5)
except TypeError as e:
    print(e)
class NoLen:
    def __getitem__(self, i): return i
try:
    reversed(NoLen())
except TypeError as e:
    print(e)
print(list(reversed(range(5))), list(reversed("abc")), list(reversed({1: 2, 3: 4})))
