# from package import * with __all__ in __init__
from pstar_mods import *
print(sorted(k for k in globals() if not k.startswith('__')))
print(alpha, beta())
