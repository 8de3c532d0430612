# Traceback through several frames including methods, lambdas and a list comprehension.
class Calc:
    def run(self, xs):
        return [self.step(x) for x in xs]
    def step(self, x):
        f = lambda v: 100 // v
        return f(x)
def main():
    c = Calc()
    print(c.run([1, 2, 5]))
    print(c.run([4, 0]))
main()
