import sys as _sys
def public():
    return 'pub'
_hidden = 4
value = 5
