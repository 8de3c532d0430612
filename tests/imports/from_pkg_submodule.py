# from pkg import sub imports the submodule when __init__ does not define it
import fps_mods
print(hasattr(fps_mods, 'late'))
from fps_mods import late, early
print(late.NAME, early)
print(hasattr(fps_mods, 'late'))
