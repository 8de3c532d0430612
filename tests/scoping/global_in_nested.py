# global declarations in nested functions vs enclosing locals
v = "module"
def outer():
    v = "outer local"
    def inner():
        global v
        return v
    def inner2():
        return v
    return inner(), inner2()
print(outer())
def setter():
    def inner():
        global newname
        newname = "made by inner"
    inner()
setter()
print(newname)
def loop_global():
    global total
    total = 0
    for i in range(5):
        total += i
loop_global()
print(total)
