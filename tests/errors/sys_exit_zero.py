# sys.exit() and sys.exit(0)/None: status 0, nothing on stderr; raised from nested function.
import sys
def leave():
    print("leaving")
    sys.exit()
leave()
print("never")
