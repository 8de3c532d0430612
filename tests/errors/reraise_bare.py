# Bare raise re-raises the exception; traceback includes original raise site line.
def risky():
    return {}["missing"]
def handler():
    try:
        risky()
    except KeyError:
        print("logging failure")
        raise
handler()
