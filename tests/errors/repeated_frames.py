# Traceback with many identical recursive frames: CPython collapses them as "[Previous line repeated N more times]".
def down(n):
    if n == 0:
        return 1 // n
    return down(n - 1)
down(50)
