# A local package with relative imports (from . / from .. / inside functions), __all__ and star-import.
import shop
from shop import *
from shop.util.money import parse
import shop.util.money as m

cart = Cart().add(Product("tea", 450), 2).add(Product("mug", 1299))
print(cart.total(), str(cart.lines[0][0]), VERSION, money.CURRENCY, parse("12.5"), m.fmt(-5))
print(shop.__name__, shop.models.__name__, shop.util.__package__, shop.util.money.__package__, m is shop.util.money)
print(sorted(k for k in dir(shop) if not k.startswith("__")), shop.util._models is shop.models)
print(shop.__doc__)
