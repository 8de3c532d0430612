# Defines a class and a function: its namespace is kept by a reference cycle (the
# functions' globals), so it is finalized by the collection at exit.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        # globals are still intact when a namespace is finalized by the collector
        print('del', self.n, helper() if helper is not None else 'helper gone')


def helper():
    return 'helper ok'


a1 = D('base.a1')
a2 = D('base.a2')
