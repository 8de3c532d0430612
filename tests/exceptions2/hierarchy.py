# the built-in exception hierarchy
names = ["ZeroDivisionError", "OverflowError", "FloatingPointError", "KeyError", "IndexError", "ModuleNotFoundError", "FileNotFoundError", "PermissionError", "TimeoutError", "ConnectionResetError", "BrokenPipeError", "UnicodeDecodeError", "UnicodeEncodeError", "RecursionError", "NotImplementedError", "IndentationError", "TabError", "UnboundLocalError", "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "DeprecationWarning", "UserWarning", "BytesWarning", "ResourceWarning"]
import sys
for n in names:
    cls = eval(n)
    print(n, [c.__name__ for c in cls.__mro__])
print(issubclass(IOError, OSError), IOError is OSError, EnvironmentError is OSError)
print(issubclass(bool, int), issubclass(Warning, Exception))
