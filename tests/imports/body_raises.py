# an exception in a module body propagates with the module's frame in the traceback
print('before')
import raise_mods.bad
print('not reached')
