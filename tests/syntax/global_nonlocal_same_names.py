# same name used as global, local, nonlocal and class attribute simultaneously
v = "global"
class C:
    v = "class"
    def m(self):
        return v
def outer():
    v = "outer"
    def inner():
        nonlocal v
        v = "inner changed"
    def read():
        return v
    inner()
    return read(), C().m(), C.v
print(outer(), v)
