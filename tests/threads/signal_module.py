# The signal module (signal.py over _signal): Signals/Handlers enums, a SIGUSR1 handler
# run via os.kill, SIGINT's default handler raising KeyboardInterrupt in the main thread.
import os
import signal
import threading

print(signal.SIGINT, repr(signal.SIGUSR1), signal.Signals(15).name)
print(repr(signal.getsignal(signal.SIGUSR1)), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
received = []
def handler(signum, frame):
    received.append((signal.Signals(signum).name, threading.current_thread().name))
print(repr(signal.signal(signal.SIGUSR1, handler)))
os.kill(os.getpid(), signal.SIGUSR1)
print(received)

# Sent from a worker thread: still handled by the main thread.
def send():
    os.kill(os.getpid(), signal.SIGUSR1)
t = threading.Thread(target=send, name="sender")
t.start()
t.join()
for _ in range(1000):
    if len(received) == 2:
        break
print(received)

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)), len(received))
print(signal.strsignal(signal.SIGTERM), signal.SIGRTMIN < signal.SIGRTMAX)
print(sorted(signal.valid_signals())[:3])
