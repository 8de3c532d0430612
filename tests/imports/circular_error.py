# from-import of a name not yet defined in a partially initialized module
try:
    import cerr_mods.a
except ImportError as e:
    print(type(e).__name__, str(e).split(' (/')[0].split(' (tests')[0])
