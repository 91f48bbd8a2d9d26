def worker():
    total = 0
    while True:
        value = yield total
        total += 10 // value


w = worker()
next(w)
print(w.send(5))
w.send(0)
