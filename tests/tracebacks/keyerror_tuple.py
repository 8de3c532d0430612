# KeyError repr for tuple and string keys in tracebacks
d = {(1, 2): "a"}
print(d[1, 2])
print(d[(3, 4)])
