# and/or return operands, not returns bool, conditional expression chains
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or [] or "x", "" and 1)
print(not [], not [0], not None, type(not 1).__name__)
vals = [x or "default" for x in [0, "", None, "v", [], [1]]]
print(vals)
def grade(s):
    return "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
a = None
b = a or {}
b["k"] = 1
print(a, b)
