from . import INNER
from .. import top_value
from ..util import helper
from ..util import helper as again_helper
def describe():
    return (INNER, top_value, helper(1), again_helper(2), __name__, __package__)
