# a module can replace itself in sys.modules; deleting the entry forces a re-run
import sys
import smod_mods.replaced as r
print(type(r).__name__, r.value)
import smod_mods.plain
del sys.modules['smod_mods.plain']
import smod_mods.plain as p2
print(p2.loads)
