# Python-level signal handlers run in the main thread at the next check point;
# KeyboardInterrupt from SIGINT's default handler; _signal's argument errors.
import _signal
import _thread
import time

print(_signal.SIGINT, _signal.SIGUSR1, _signal.NSIG, _signal.SIG_DFL, _signal.SIG_IGN)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
print(_signal.getsignal(_signal.SIGPIPE), _signal.getsignal(_signal.SIGUSR1))
print(_signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGTERM))
valid = _signal.valid_signals()
print(len(valid), 1 in valid, 32 in valid, 64 in valid)

got = []
def handler(signum, frame):
    got.append(signum)

print(_signal.signal(_signal.SIGUSR1, handler))
print(_signal.getsignal(_signal.SIGUSR1) is handler)
_signal.raise_signal(_signal.SIGUSR1)
print("after raise_signal", got)
_signal.pthread_kill(_thread.get_ident(), _signal.SIGUSR2) if False else None
_signal.signal(_signal.SIGUSR2, handler)
_signal.pthread_kill(_thread.get_ident(), _signal.SIGUSR2)
print("after pthread_kill", got)

# A signal sent from another thread is handled by the main thread, during its sleep.
def sender():
    time.sleep(0.05)
    _signal.pthread_kill(main, _signal.SIGUSR1)
main = _thread.get_ident()
got.clear()
_thread.start_new_thread(sender, ())
t0 = time.monotonic()
while not got and time.monotonic() - t0 < 5:
    time.sleep(0.01)
print("from thread", got)

# A handler that raises: the exception comes out of the interrupted code.
def raiser(signum, frame):
    raise RuntimeError(f"signal {signum}")
_signal.signal(_signal.SIGUSR1, raiser)
try:
    _signal.raise_signal(_signal.SIGUSR1)
except RuntimeError as e:
    print("caught", e)

try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

# SIG_IGN: the signal is dropped; SIG_DFL restored afterwards.
print(_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN) is raiser)
_signal.raise_signal(_signal.SIGUSR1)
print("ignored")
print(_signal.signal(_signal.SIGUSR1, _signal.SIG_DFL))

# interrupt_main() simulates SIGINT arriving in the main thread.
try:
    _thread.interrupt_main()
    for i in range(1000000):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("interrupt_main -> KeyboardInterrupt")

for bad in [(0, handler), (65, handler), (_signal.SIGUSR1, 5), (_signal.SIGKILL, handler)]:
    try:
        _signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
for f in [_signal.getsignal, _signal.raise_signal]:
    try:
        f(0)
    except ValueError as e:
        print("ValueError", e)

# signal.signal only works in the main thread.
errors = []
done = _thread.allocate_lock()
done.acquire()
def other():
    try:
        _signal.signal(_signal.SIGUSR1, handler)
    except ValueError as e:
        errors.append(str(e))
    done.release()
_thread.start_new_thread(other, ())
done.acquire()
print(errors)
