# Uncaught exception class deriving from BaseException directly.
class Abort(BaseException):
    pass
try:
    raise Abort("not caught by except Exception")
except Exception:
    print("wrong")
finally:
    print("finally before exit")
