# What except* does not handle propagates with the original group's traceback.
def work():
    raise ExceptionGroup("jobs", [ValueError("v"), TypeError("t"), KeyError("k")])

def main():
    try:
        work()
    except* ValueError as eg:
        print("handled", repr(eg))
    except* KeyError:
        print("handled key error")

main()
