# A daemon thread that never ends does not keep the program alive.
import threading, time
def forever():
    while True:
        time.sleep(0.01)
t = threading.Thread(target=forever, daemon=True)
t.start()
def short():
    time.sleep(0.05)
    print("short done")
threading.Thread(target=short).start()
print("main done")
