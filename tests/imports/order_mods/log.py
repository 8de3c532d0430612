entries = []
def add(x):
    entries.append(x)
