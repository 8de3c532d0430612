# imports inside class bodies, conditionals and loops bind local names
class C:
    import math
    from icls_mods.vals import V as value
print(C.math.sqrt(16), C.value)
if True:
    from icls_mods import vals
else:
    from icls_mods import never
print(vals.V)
for i in range(2):
    import icls_mods.vals as again
    print(again is vals)
