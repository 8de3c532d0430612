print('init leaf')
def value():
    return 42
