# traceback through a lambda frame
inv = lambda x: 1 / x
vals = [1, 2, 0]
print(list(map(inv, vals)))
