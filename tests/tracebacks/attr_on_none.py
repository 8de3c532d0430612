# traceback markers for attribute access on None in an expression
def find(xs, t):
    for x in xs:
        if x == t:
            return x
print(find([1, 2], 3).bit_length())
