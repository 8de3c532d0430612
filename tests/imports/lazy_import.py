# imports inside functions run the module body at first call
print('start')
def use():
    from lazy_mods import heavy
    return heavy.answer
print('defined')
print(use())
print(use())
