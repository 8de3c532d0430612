# Exceptions crossing several frames and methods, caught at different levels with cleanup printing.
class Parser:
    def parse(self, items):
        return [self.item(i) for i in items]
    def item(self, s):
        try:
            return self.number(s)
        finally:
            print("  cleanup", repr(s))
    def number(self, s):
        if not s:
            raise ValueError("empty item")
        return int(s)
p = Parser()
for batch in (["1", "2"], ["3", "", "4"], ["5", "x"]):
    try:
        print("parsed", p.parse(batch))
    except ValueError as e:
        print("batch failed:", e)
def level(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        level(n - 1)
    except LookupError as e:
        raise LookupError(f"level {n}") from e
try:
    level(3)
except LookupError as e:
    chain = []
    while e:
        chain.append(str(e))
        e = e.__cause__
    print(chain)
