# PEP 562: module-level __getattr__ and __dir__
import mga_mods.lazy as lz
print(lz.real)
print(lz.virtual_thing)
print(dir(lz))
try:
    lz.missing
except AttributeError as e:
    print(type(e).__name__, e)
from mga_mods.lazy import computed
print(computed)
