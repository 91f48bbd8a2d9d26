# Class-heavy: a Richards-style operating-system simulation. A scheduler runs
# a fixed set of tasks (an idle task, two workers, two packet handlers and two
# devices) that pass packets to each other through per-task queues, holding
# and releasing themselves along the way. Tasks are instances of subclasses of
# Task; every step is a method call and most of the state lives in instance
# attributes. Prints how many packets were queued and how many times a task
# held itself, over N rounds.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 40

# Task identities.
IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
TASK_COUNT = 6

# Packet kinds.
DEVICE_PACKET = 0
WORK_PACKET = 1

DATA_SIZE = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link      # next packet in a queue, or None
        self.owner = owner    # task it is addressed to; once queued, its sender
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        # Put this packet at the end of the queue that starts at `queue`;
        # returns the new head.
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue        # packets waiting for this task
        self.held = False         # held: skipped until another task releases it
        self.waiting = queue is None  # waiting: runs only once a packet arrives
        self.next = None          # next task in the scheduler's priority list
        scheduler.add_task(self)

    def runnable(self):
        if self.held:
            return False
        return self.queue is not None or not self.waiting

    def take_packet(self):
        # Pop the first queued packet (or None) and mark the task running.
        packet = self.queue
        if packet is not None:
            self.queue = packet.link
        self.waiting = False
        return packet

    def receive(self, packet):
        # A packet arrived for this task; returns True when this task should
        # pre-empt the one currently running.
        was_empty = self.queue is None
        self.queue = packet.append_to(self.queue)
        return was_empty and self.priority > self.scheduler.current.priority

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        Task.__init__(self, scheduler, ident, priority, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, packet):
        # Alternate between waking the two devices, following a
        # shift-register sequence, until the count runs out.
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self()
        if self.control % 2 == 0:
            self.control = self.control // 2
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.counter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        # Fill the packet with counter values 1-26 and send it to the handlers in turn.
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        i = 0
        while i < DATA_SIZE:
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            packet.data[i] = self.counter
            i += 1
        return self.scheduler.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.scheduler.wait()
        index = work.datum
        if index >= DATA_SIZE:
            # The work packet is used up: send it back to the worker.
            self.work_in = work.link
            return self.scheduler.queue_packet(work)
        device = self.device_in
        if device is None:
            return self.scheduler.wait()
        # Hand one datum to a device.
        self.device_in = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return self.scheduler.queue_packet(device)


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.pending = None

    def run(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.scheduler.wait()
            self.pending = None
            return self.scheduler.queue_packet(pending)
        self.pending = packet
        return self.scheduler.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.task_list = None   # all tasks, highest priority first
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add_task(self, task):
        self.tasks[task.ident] = task
        # Keep task_list sorted by descending priority.
        if self.task_list is None or task.priority > self.task_list.priority:
            task.next = self.task_list
            self.task_list = task
            return
        prev = self.task_list
        while prev.next is not None and prev.next.priority >= task.priority:
            prev = prev.next
        task.next = prev.next
        prev.next = task

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            task = self.current
            if task.runnable():
                self.current = task.run(task.take_packet())
            else:
                self.current = task.next

    # The operations below are what a task's run() returns: the task to run
    # next.

    def wait(self):
        self.current.waiting = True
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def queue_packet(self, packet):
        task = self.tasks[packet.owner]
        self.queue_count += 1
        packet.owner = self.current.ident
        if task.receive(packet):
            return task
        return self.current


def simulate(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    work = Packet(None, WORKER, WORK_PACKET)
    work = Packet(work, WORKER, WORK_PACKET)
    WorkerTask(s, WORKER, 1000, work)
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        packets = Packet(None, device, DEVICE_PACKET)
        packets = Packet(packets, device, DEVICE_PACKET)
        packets = Packet(packets, device, DEVICE_PACKET)
        HandlerTask(s, handler, 2000 + handler, packets)
    DeviceTask(s, DEVICE_A, 4000, None)
    DeviceTask(s, DEVICE_B, 5000, None)
    s.schedule()
    return s.queue_count, s.hold_count


queued = 0
held = 0
for _ in range(N):
    q, h = simulate(10000)
    queued += q
    held += h
print(f"richards {N}: queued={queued} held={held}")
