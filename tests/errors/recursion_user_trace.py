# Traceback with repeated recursive frames (short, 5 levels - no "[Previous line repeated]").
def countdown(n):
    if n == 0:
        raise ValueError("reached zero")
    return countdown(n - 1)
countdown(4)
