# module bodies run in import order, depth first
import order_mods.first
import order_mods.second
from order_mods import log
print(log.entries)
