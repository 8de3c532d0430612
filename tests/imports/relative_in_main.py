# a relative import in the script has no parent package
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
from . import something
