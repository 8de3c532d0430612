# float.__getformat__ and float/int dir() audit.
for a in ['double', 'float', 'x', 1]:
    try:
        print(float.__getformat__(a))
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(set(dir(float)) - set(dir(object)) - {'__getstate__'}))
print(sorted(set(dir(int)) - set(dir(object)) - {'__getstate__'}))
print(sorted(set(dir(bool)) - set(dir(int))))
