# NameError suggestion from a local variable in a function.
def compute():
    total_value = 10
    return total_valeu + 1
compute()
