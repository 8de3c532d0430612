x = 'module x'
def get_x():
    return x
def set_x(v):
    global x
    x = v
def globals_name():
    return globals()['__name__']
def helper():
    return 'real helper'
def use_helper():
    return helper()
