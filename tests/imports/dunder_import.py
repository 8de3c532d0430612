# __import__ returns the top package, or the module itself with a fromlist
m = __import__('dimp_mods.sub.leaf')
print(m.__name__)
m2 = __import__('dimp_mods.sub.leaf', fromlist=['x'])
print(m2.__name__, m2.X)
m3 = __import__('dimp_mods.sub', globals(), None, ['leaf'], 0)
print(m3.__name__, m3.leaf.X)
import sys
print(__import__('sys') is sys)
try:
    __import__('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    __import__('x', level=-1)
except ValueError as e:
    print(type(e).__name__, e)
