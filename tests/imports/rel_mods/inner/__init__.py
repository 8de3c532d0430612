from .. import util as u
from ..util import helper
INNER = helper('inner')
