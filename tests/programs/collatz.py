# Collatz sequences: lengths, the longest chain below a bound, cached with a dict.
def collatz(n):
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq
print(collatz(6))
print(collatz(7))
print(len(collatz(27)), max(collatz(27)))
cache = {1: 1}
def chain_length(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    while path:
        length += 1
        cache[path.pop()] = length
    return length
best, best_len = 1, 1
for start in range(1, 10000):
    l = chain_length(start)
    if l > best_len:
        best, best_len = start, l
print("longest below 10000:", best, best_len)
print([chain_length(n) for n in range(1, 21)])
peaks = {}
for n in range(1, 30):
    peaks[n] = max(collatz(n))
print(peaks)
print(sorted(peaks, key=lambda k: (-peaks[k], k))[:5])
stopping = [len(collatz(n)) - 1 for n in range(1, 11)]
print(stopping, sum(stopping))
