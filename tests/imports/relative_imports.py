# relative imports: from . import, from .. import, from .m import name
from rel_mods.inner import deep
print(deep.describe())
import rel_mods
print(rel_mods.top_value, rel_mods.inner.deep.__package__)
