# relative import beyond the top-level package
try:
    import rb_mods.m
except ImportError as e:
    print(type(e).__name__, e)
