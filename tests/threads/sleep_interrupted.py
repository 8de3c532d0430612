# A handler runs while the main thread sleeps (the sleep resumes afterwards);
# SIGALRM from alarm() interrupts a long sleep with the handler's exception.
import _signal
import time

class Timeout(Exception):
    pass

def on_alarm(signum, frame):
    raise Timeout("alarm")

_signal.signal(_signal.SIGALRM, on_alarm)
print(_signal.alarm(1))
t0 = time.monotonic()
try:
    time.sleep(30)
except Timeout as e:
    print("interrupted:", e, time.monotonic() - t0 < 10)
print(_signal.alarm(0))

seen = []
_signal.signal(_signal.SIGALRM, lambda s, f: seen.append(s))
_signal.alarm(1)
t0 = time.monotonic()
time.sleep(1.3)
print(seen, time.monotonic() - t0 >= 1.3)
