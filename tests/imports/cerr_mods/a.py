from cerr_mods.b import B
A = 1
