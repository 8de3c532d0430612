# global and nonlocal declared inside class bodies
g = 0
class A:
    global g
    g = 5
    h = g + 1
print(g, A.h, hasattr(A, "g"))
def outer():
    v = 1
    class B:
        nonlocal v
        v = 2
        w = v
    return v, B.w, hasattr(B, "v")
print(outer())
def outer2():
    val = "free"
    class C:
        val = "class attr"
        def get(self):
            return val
    return C().get(), C.val
print(outer2())
def outer3():
    n = 10
    class K:
        m = n + 1
    return K.m
print(outer3())
