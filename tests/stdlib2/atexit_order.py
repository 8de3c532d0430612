# atexit callbacks run at exit, newest first, even after sys.exit; errors are reported.
import atexit, sys

def bye(name, punct="!"):
    print("bye", name + punct)

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def last():
    print("registered last, runs first")
def dropped():
    print("never")
atexit.register(dropped)
atexit.unregister(dropped)
print("main done")
try:
    atexit.register(1)
except TypeError as e:
    print(e)
sys.exit(3)
