# Uncaught custom exception without arguments (traceback last line is just the class name).
class Boom(Exception):
    pass
def detonate():
    raise Boom
print("ticking")
detonate()
