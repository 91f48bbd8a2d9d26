# multiprocessing.Pipe: a duplex ping-pong with a child, one-way pipes, poll
# with a timeout, and EOFError once every copy of the other end is closed.
import multiprocessing


def echo(conn):
    while True:
        message = conn.recv()
        if message is None:
            break
        conn.send([message, message])
    conn.close()


def write_three(writer):
    for i in range(3):
        writer.send(i * i)
    writer.close()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    here, there = multiprocessing.Pipe()
    child = multiprocessing.Process(target=echo, args=(there,))
    child.start()
    there.close()
    for message in [1, "two", (3.5, None), {"k": [True]}]:
        here.send(message)
        print(here.recv())
    print("poll before asking:", here.poll(0.05))
    here.send("last")
    print("poll after asking:", here.poll(30), here.recv())
    here.send(None)
    child.join()
    try:
        here.recv()
    except EOFError:
        print("EOFError once the child has gone")
    here.close()
    print("closed:", here.closed)

    reader, writer = multiprocessing.Pipe(duplex=False)
    print(reader.readable, reader.writable, writer.readable, writer.writable)
    child = multiprocessing.Process(target=write_three, args=(writer,))
    child.start()
    writer.close()
    print([reader.recv() for _ in range(3)])
    child.join()
    try:
        reader.send(1)
    except OSError as e:
        print("OSError:", e)
    try:
        reader.recv()
    except EOFError:
        print("EOFError")
    try:
        here.send(1)
    except OSError as e:
        print("OSError:", e)

    left, right = multiprocessing.Pipe()
    left.send_bytes(b"raw \x00\xff bytes")
    left.send(b"pickled bytes")
    print(right.recv_bytes(), right.recv())
    try:
        left.send_bytes("text")
    except TypeError as e:
        print("TypeError:", e)
