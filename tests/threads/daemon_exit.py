# At exit the program waits for non-daemon threads (their output appears after the
# main module finished) but not for daemon threads, which never run again.
import threading
import time

def late():
    time.sleep(0.1)
    print("non-daemon thread finished after main")

def forever():
    while True:
        time.sleep(0.01)

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=late).start()
print("main module done", threading.active_count())
