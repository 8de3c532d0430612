# traceback markers for a failing call nested in arguments
def parse(s):
    return int(s)
def load(items):
    return [parse(x) for x in items]
print(load(["1", "2"]))
print(sum(load(["3", "x4"])))
