# traceback from __next__ of a user iterator inside a for loop
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise RuntimeError("went negative")
        return self.n
for v in Countdown(3):
    print(v)
