# quit(3) exits with status 3; sys.exit semantics.
import sys
print(type(quit).__name__, repr(quit))
try:
    sys.exit(2)
except SystemExit as e:
    print('caught', e.code)
quit(3)
