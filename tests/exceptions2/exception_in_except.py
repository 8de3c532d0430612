# an exception inside an except block: chaining and handling at outer level
def risky():
    try:
        [][0]
    except IndexError as e:
        return e.args[5]
try:
    risky()
except IndexError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
def nested():
    try:
        try:
            raise ValueError("v")
        except ValueError:
            raise TypeError("t")
    except TypeError as e:
        return repr(e), repr(e.__context__)
print(nested())
