from cerr_mods.a import A
B = 2
