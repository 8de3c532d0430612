# from m import * honours __all__, otherwise skips _private names
from star_mods.with_all import *
print(sorted(k for k in globals() if not k.startswith('__')))
from star_mods.no_all import *
print(sorted(k for k in globals() if not k.startswith('__')))
print(public(), exported)
try:
    _hidden
except NameError as e:
    print('NameError', e)
