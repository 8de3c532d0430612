# global statements: reading globals, creating globals from functions, del of globals
x = 1
def read():
    return x
def write():
    global x
    x = 2
def make_new():
    global brand_new
    brand_new = [1]
def remove():
    global brand_new
    del brand_new
print(read()); write(); print(read(), x)
make_new(); print(brand_new)
remove()
try:
    brand_new
except NameError as e:
    print(e)
def g():
    global x
    x += 10
    return x
print(g(), g())
