from . import money
from .. import models as _models  # circular: shop.models is being imported right now
