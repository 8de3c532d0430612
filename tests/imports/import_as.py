# import a.b.c as d, from a.b import c as e, import x as y
import asm_mods.lvl1.lvl2 as d
from asm_mods.lvl1 import lvl2 as e
from asm_mods import lvl1 as L
import asm_mods.lvl1
print(d is e, d.X, L.Y)
print('asm_mods' in globals(), 'd' in globals())
print(asm_mods.lvl1.lvl2.X)
import sys as s, math as m
print(s.maxsize > 0, m.floor(2.5))
