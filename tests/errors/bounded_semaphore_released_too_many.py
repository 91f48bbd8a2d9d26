import threading

sem = threading.BoundedSemaphore(1)
with sem:
    print("inside")
sem.release()
