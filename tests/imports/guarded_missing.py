# a missing module inside try/except ImportError fails at run time with ModuleNotFoundError
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
    print(isinstance(e, ModuleNotFoundError))
try:
    from no_such_pkg_xyz.sub import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import gm_mods.missing_sub
except ImportError as e:
    print(type(e).__name__, e)
try:
    import gm_mods.plain.sub
except ImportError as e:
    print(type(e).__name__, e)
