from . import log
log.add('pkg')
