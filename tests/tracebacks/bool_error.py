# traceback when __bool__ returns a non-bool
class Weird:
    def __bool__(self):
        return "yes"
if Weird():
    print("unreachable")
