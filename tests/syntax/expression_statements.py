# expression statements, docstrings, semicolons, implicit line joining
1 + 2; "discarded"
x = (1 +
     2 +
     3)
y = [
    1,
    2,
]
z = {"a": 1,
     "b": 2}
print(x, y, z)
total = 1 + \
        2
print(total)
if (x > 1 and
        y):
    print("multi-line condition")
def f(a,
      b=2,
      ):
    return a + b
print(f(1,
        ))
