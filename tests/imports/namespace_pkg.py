# namespace packages (no __init__.py)
import ns_mods.part
from ns_mods import other
print(ns_mods.part.VALUE, other.VALUE)
print(ns_mods.__file__)
print(len(list(ns_mods.__path__)))
print(ns_mods.part.__package__, ns_mods.__name__)
