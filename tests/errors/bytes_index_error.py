# Indexing bytes past the end: IndexError with bytes' own message.
packet = bytes([1, 2, 3])
print(packet[0], packet[-1], packet[1:10])
print(packet[3])
