real = 1
def __getattr__(name):
    if name.startswith('virtual') or name == 'computed':
        return 'made ' + name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ['real', 'virtual_thing']
