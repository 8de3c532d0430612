# Name resolution: local/global/builtin, global statement, shadowing builtins, class scope rules.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def change():
    global x
    x = "changed"
print(read(), shadow(), x)
change()
print(read(), x)
def uses_len():
    len = lambda s: -1
    return len("abc")
print(uses_len(), len("abc"))
class C:
    v = 10
    w = v * 2
    lst = [v for _ in range(2)] if False else None
    def m(self):
        return C.v + self.w
print(C.w, C().m())
def outer():
    y = 1
    def inner():
        return y + 1
    y = 5
    return inner()
print(outer())
def gcount():
    global counter_g
    counter_g = counter_g + 1 if "counter_g" in globals() else 1
    return counter_g
print(gcount(), gcount(), gcount())
