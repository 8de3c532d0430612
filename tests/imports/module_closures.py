# closures, generators and decorators defined in modules
from mclo_mods.tools import counter, gen, deco
c = counter()
print(c(), c(), c())
print(list(gen(4)))
@deco
def hello(name):
    return 'hello ' + name
print(hello('x'), hello.__name__, hello.__module__)
