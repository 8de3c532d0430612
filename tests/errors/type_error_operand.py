# Uncaught TypeError: unsupported operand types for +.
def add(a, b):
    return a + b
print(add(1, 2))
print(add("a", "b"))
print(add(1, "b"))
