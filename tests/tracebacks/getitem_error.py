# traceback from a user __getitem__ called via subscript
class Table:
    def __init__(self):
        self.rows = {"a": 1}
    def __getitem__(self, key):
        return self.rows[key.lower()]
t = Table()
print(t["A"])
print(t[1])
