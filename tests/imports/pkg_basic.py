# packages: __init__ runs first, submodules bound as attributes, sys.modules entries
import pkg_basic_mods
import pkg_basic_mods.sub.leaf
import sys
print(pkg_basic_mods.NAME, pkg_basic_mods.sub.leaf.value())
print(pkg_basic_mods.__name__, pkg_basic_mods.__package__)
print(pkg_basic_mods.sub.__name__, pkg_basic_mods.sub.__package__)
print(pkg_basic_mods.sub.leaf.__name__, pkg_basic_mods.sub.leaf.__package__)
print(sorted(k for k in sys.modules if k.startswith('pkg_basic_mods')))
print(sys.modules['pkg_basic_mods.sub.leaf'] is pkg_basic_mods.sub.leaf)
print(pkg_basic_mods.__file__.endswith('pkg_basic_mods/__init__.py'))
print(pkg_basic_mods.sub.leaf.__file__.endswith('pkg_basic_mods/sub/leaf.py'))
print(type(pkg_basic_mods.__path__).__name__, len(pkg_basic_mods.__path__))
print(hasattr(pkg_basic_mods.sub.leaf, '__path__'))
