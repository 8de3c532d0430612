# chained assignment evaluates the value once and assigns left to right
log = []
def val():
    log.append("val")
    return [1, 2]
a = b = c = val()
print(a, b, c, a is b, b is c, log)
class T:
    pass
t = T()
d = {}
t.x = d["k"] = lst = [0]
print(t.x, d, lst, t.x is lst)
x, y = z = (3, 4)
print(x, y, z)
i = 0
items = [10, 20, 30]
i = items[i] = 1
print(i, items)
