# errors in __exit__, missing protocol methods, exceptions replacing others
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError("from exit")
try:
    with BadExit():
        raise ValueError("body")
except KeyError as e:
    print("exit error wins", repr(e), repr(e.__context__))
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string"
with Truthy():
    raise IndexError
print("suppressed by truthy return")
