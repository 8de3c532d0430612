# sys.exit with an int from inside nested calls after output; SystemExit passes through except Exception.
import sys
def validate(x):
    if x < 0:
        print("invalid, exiting with 2")
        sys.exit(2)
    return x
def main():
    try:
        for v in (1, 5, -3, 7):
            print("ok", validate(v))
    except Exception:
        print("not reached: SystemExit is not an Exception")
    finally:
        print("main finally")
main()
