# An uncaught KeyboardInterrupt prints its traceback; the process then dies by SIGINT
# (exit status 130 in a shell), after finally blocks ran.
import _signal

def inner():
    _signal.raise_signal(_signal.SIGINT)

try:
    print("start")
    inner()
finally:
    print("finally ran")
print("not reached")
