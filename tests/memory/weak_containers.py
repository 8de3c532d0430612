# WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize
import weakref
class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "K(%d)" % self.n
objs = [K(i) for i in range(4)]
wv = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    wv[i] = o
print(len(wv), sorted(wv.keys()), wv[2], 3 in wv, wv.get(9, "dflt"))
del objs[0]
print(len(wv), sorted(wv.keys()), 0 in wv)
wk = weakref.WeakKeyDictionary()
k1, k2 = K(10), K(11)
wk[k1] = "one"; wk[k2] = "two"
print(len(wk), wk[k1], k2 in wk)
del k1
print(len(wk), sorted(v for v in wk.values()))
ws = weakref.WeakSet()
s1, s2 = K(20), K(21)
ws.add(s1); ws.add(s2)
print(len(ws), s1 in ws)
del s2
print(len(ws), [x.n for x in ws])
t = K(30)
fin = weakref.finalize(t, print, "finalized", 30)
print(fin.alive)
del t
print(fin.alive)
u = K(31)
fin2 = weakref.finalize(u, print, "never")
print(fin2.detach()[0])
del u
print("done")
