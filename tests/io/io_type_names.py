# Error messages name built-in types of modules other than builtins the way CPython's C
# types spell their tp_name: '_io.FileIO', 'collections.deque', 'itertools.count'.
import collections
import io
import itertools
import sys

objects = [open(__file__, 'rb'), open(__file__, 'rb', buffering=0), open(__file__),
           io.StringIO(), io.BytesIO(), sys.stdout, collections.deque(), itertools.count(),
           collections.defaultdict(int)]
for f in objects:
    try:
        f.nope
    except AttributeError as e:
        print(e)
    print(type(f), type(f).__name__, type(f).__qualname__, type(f).__module__)
    try:
        f.nope = 1
    except AttributeError as e:
        print("set:", e)
    try:
        f + 1
    except TypeError as e:
        print("add:", e)
for f in objects[:3]:
    f.close()
try:
    io.StringIO(5)
except TypeError as e:
    print(e)
try:
    len(itertools.count())
except TypeError as e:
    print(e)
print(repr(io.FileIO), io.TextIOWrapper, io.IOBase, io.RawIOBase)


class Mine(io.StringIO):
    pass


try:
    Mine().nope
except AttributeError as e:
    print(e)
