# suggestion printed for a NameError raised in a nested call, after it was caught and re-raised.
def inner():
    lenght = 3
    return lenght + lengt
def outer():
    try:
        inner()
    except NameError:
        raise
outer()
