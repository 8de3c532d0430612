# traceback from a generator expression consumed by a builtin
data = [1, 2, 0, 4]
print(max(10 / x for x in data))
