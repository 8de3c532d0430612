# three dots: from ...x import y inside a three-level package
from deep_mods.l1.l2.l3 import result
print(result)
