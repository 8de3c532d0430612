# An uncaught exception raised inside a guard shows the guard line in the traceback.
def check(v):
    return 10 // v > 1

def classify(items):
    for it in items:
        match it:
            case int(n) if check(n):
                print("big ratio", n)
            case int(n):
                print("small ratio", n)

classify([1, 5, 20])
classify([3, 0])
