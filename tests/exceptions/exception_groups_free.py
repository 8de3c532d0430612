# Exception hierarchy checks for built-ins and catching BaseException subclasses (SystemExit/KeyboardInterrupt caught).
import sys
names = [ZeroDivisionError, OverflowError, IndexError, KeyError, ValueError, UnicodeError, TypeError,
         NameError, UnboundLocalError, AttributeError, RuntimeError, RecursionError, NotImplementedError,
         StopIteration, GeneratorExit, SystemExit, KeyboardInterrupt, FileNotFoundError, AssertionError]
for n in names:
    print(n.__name__, [b.__name__ for b in n.__mro__[1:]])
try:
    sys.exit(4)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
