# An exception escaping a thread's run() goes to threading.excepthook: the default one
# prints "Exception in thread NAME:" and the traceback; a custom hook gets the args;
# SystemExit is silent; the program itself still exits 0.
import sys
import threading

def fail(msg):
    raise ValueError(msg)

t = threading.Thread(target=fail, args=("boom",), name="failing")
t.start()
t.join()
print("joined, alive:", t.is_alive())

t = threading.Thread(target=sys.exit, args=(3,), name="exiting")
t.start()
t.join()
print("SystemExit in a thread is silent")

captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                     args.exc_traceback is not None))
threading.excepthook = hook
t = threading.Thread(target=fail, args=("custom",), name="hooked")
t.start()
t.join()
print(captured)
threading.excepthook = threading.__excepthook__

def nested():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")
t = threading.Thread(target=nested, name="chained")
t.start()
t.join()
print("done")
