# traceback through a chain of five method calls
class Pipeline:
    def run(self, x):
        return self.step1(x)
    def step1(self, x):
        return self.step2(x + 1)
    def step2(self, x):
        return self.step3([x])
    def step3(self, xs):
        return self.step4(xs, 5)
    def step4(self, xs, i):
        return xs[i]
Pipeline().run(0)
