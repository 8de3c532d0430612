# module attributes: __name__, __doc__, __dict__ keys, repr of built-in modules
import repr_mods.documented as d
import sys, math
print(d.__doc__)
print(sorted(k for k in vars(d) if not k.startswith('__')))
print(repr(sys))

print(type(d).__name__, type(d) is type(sys))
