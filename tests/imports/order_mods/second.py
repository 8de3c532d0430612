from . import log
log.add('second')
from . import third
