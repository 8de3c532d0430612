from . import log
log.add('first start')
from . import second
log.add('first end')
