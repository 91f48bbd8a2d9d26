"""concurrent.futures for MiniPy: Future, ThreadPoolExecutor, wait and
as_completed, after CPython 3.11's concurrent/futures/_base.py and
thread.py (the same states, conditions and waiter protocol, fewer hooks)."""

import os
import queue
import threading
import time

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_RUNNING = "RUNNING"
_CANCELLED = "CANCELLED"
_CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
_FINISHED = "FINISHED"

_STATE_TO_DESCRIPTION_MAP = {
    _PENDING: "pending",
    _RUNNING: "running",
    _CANCELLED: "cancelled",
    _CANCELLED_AND_NOTIFIED: "cancelled",
    _FINISHED: "finished",
}


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        _Waiter.__init__(self)
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            _Waiter.add_result(self, future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            _Waiter.add_exception(self, future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            _Waiter.add_cancelled(self, future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        _Waiter.add_result(self, future)
        self.event.set()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        self.event.set()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        _Waiter.__init__(self)
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        _Waiter.add_result(self, future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self._decrement_pending_calls()


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                print("exception calling callback for", repr(self) + ":", repr(e))

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return "<Future at 0x%x state=%s raised %s>" % (
                        id(self), _STATE_TO_DESCRIPTION_MAP[self._state], type(self._exception).__name__)
                return "<Future at 0x%x state=%s returned %s>" % (
                    id(self), _STATE_TO_DESCRIPTION_MAP[self._state], type(self._result).__name__)
            return "<Future at 0x%x state=%s>" % (id(self), _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        with self._condition:
            if self._state in [_RUNNING, _FINISHED]:
                return False
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as e:
            print("exception calling callback for", repr(self) + ":", repr(e))

    def result(self, timeout=None):
        with self._condition:
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self.__get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                self._state = _CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state in {_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED}:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in {_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED}:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class _AcquireFutures:
    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == "_AS_COMPLETED":
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(f._state not in [_CANCELLED_AND_NOTIFIED, _FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, ref_collect):
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)
        with f._condition:
            f._waiters.remove(waiter)
        del f
        yield fs.pop()


def as_completed(fs, timeout=None):
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs if f._state in [_CANCELLED_AND_NOTIFIED, _FINISHED])
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, "_AS_COMPLETED")
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, ref_collect=(fs,))
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, ref_collect=(fs, pending))
    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self[0], self[1])


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in [_CANCELLED_AND_NOTIFIED, _FINISHED]}
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut


class Executor:
    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        if executor._shutdown:
            work_queue.put(None)
            return


class ThreadPoolExecutor(Executor):
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % (ThreadPoolExecutor._counter - 1))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = "%s_%d" % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=thread_name, target=self._run_worker, daemon=True)
            t.start()
            self._threads.append(t)

    def _run_worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        _worker(self, self._work_queue)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
