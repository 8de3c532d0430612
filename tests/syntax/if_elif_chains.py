# if/elif/else chains and truthiness of many values
def kind(v):
    if v is None:
        return "none"
    elif isinstance(v, bool):
        return "bool"
    elif isinstance(v, int) and v < 0:
        return "negative"
    elif isinstance(v, int):
        return "int"
    elif not v:
        return "empty"
    else:
        return "other"
for v in [None, True, -3, 0, 7, "", [], "x", [0], 0.0]:
    print(repr(v), kind(v))
x = 15
if x % 3 == 0 and x % 5 == 0: print("fizzbuzz")
if x > 10: print("big"); print("same line")
