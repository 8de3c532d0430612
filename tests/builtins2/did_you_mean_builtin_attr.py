# AttributeError suggestion on a dict, a class object and None.
d = {}
try:
    d.iterms()
except AttributeError as e:
    print(e)
class Conf:
    DEBUG = True
try:
    Conf.DEBUGG
except AttributeError as e:
    print(e)
[].appendd(1)
