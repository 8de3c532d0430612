# traceback from a str method with bad arguments
name = "pyc"
print(name.center(9, "*"))
print(name.center(9, "**"))
