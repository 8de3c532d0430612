import sys
class Fake:
    value = 'fake module'
sys.modules[__name__] = Fake()
