# Uncaught KeyError whose key is a tuple.
d = {(1, 2): "a"}
print(d[1, 2])
d[(3, 4)]
