# traceback markers for a failing binary + inside an expression
def total(a, b):
    return a["x"] + b * 2
print("start")
total({"x": 1}, None)
