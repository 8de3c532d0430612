# from m import missing_name: ImportError with name and path
try:
    from fmn_mods.m import nothere
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
    print(e.name)
from fmn_mods.m import there
print(there)
from fmn_mods.m import nothere
