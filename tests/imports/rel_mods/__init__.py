top_value = 'top'
from . import util
