# bare raise keeps the original traceback
def inner():
    raise IndexError("deep")
def outer():
    try:
        inner()
    except IndexError:
        print("logging and re-raising")
        raise
outer()
