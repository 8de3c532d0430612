# traceback markers under a failing attribute in a long chain
class A:
    pass
a = A()
a.b = A()
a.b.c = A()
print(a.b.c.d.e)
