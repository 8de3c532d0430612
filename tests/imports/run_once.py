# a module body runs once; later imports get sys.modules' entry
import sys
import once_mods.counter
import once_mods.counter as c2
from once_mods import counter as c3
print(once_mods.counter.runs, c2 is c3)
def f():
    import once_mods.counter
    return once_mods.counter.bump()
print(f(), f(), c2.runs)
print(sys.modules['once_mods.counter'].runs)
