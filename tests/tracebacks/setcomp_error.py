# traceback from a set comprehension
items = [[1], [2]]
s = {tuple(x) for x in items}
print(sorted(s))
s2 = {x for x in items}
