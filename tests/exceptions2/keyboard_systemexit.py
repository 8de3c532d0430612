# SystemExit and KeyboardInterrupt are BaseExceptions, not caught by except Exception
import sys
for exc in (SystemExit(5), KeyboardInterrupt(), GeneratorExit()):
    try:
        try:
            raise exc
        except Exception:
            print("wrongly caught")
    except BaseException as e:
        print("base caught", type(e).__name__, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("exit code", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("exit code", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code)
