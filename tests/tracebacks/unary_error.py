# traceback for a failing unary operation
def neg(v):
    return -v
print(neg(3))
print(neg("str"))
