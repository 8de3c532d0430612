# __contains__, fallback to __iter__ and __getitem__ for `in`
class C:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
print(1 in C(), 2 in C(), 2 not in C())
class I:
    def __iter__(self):
        print("iter")
        return iter([5, 6])
print(6 in I(), 7 in I())
class G:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return "abc"[i]
print("b" in G(), "z" in G())
class Ret:
    def __contains__(self, x): return [1]
print(1 in Ret())
try:
    1 in 5
except TypeError as e:
    print(e)
print("ab" in "cabd", 2 in {2: 0}, 3 in range(0, 10, 3), (1, 2) in [(1, 2)])
