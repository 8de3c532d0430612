# sys.exit(3): no traceback, exit status 3, finally blocks still run.
import sys
print("start")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("never")
