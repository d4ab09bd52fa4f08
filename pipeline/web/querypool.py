"""A fixed set of worker processes that run SPARQL queries under a deadline.

A query that overruns is stopped by killing its worker (nothing else stops Oxigraph mid-query)
and a fresh worker takes its place, so one runaway query costs one worker for ``timeout``
seconds and never blocks the other clients.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import cast

from pipeline.web import worker
from pipeline.web.worker import Job, Outcome

# "spawn": forking a process that runs server threads and holds an open store is unsafe.
_CONTEXT = multiprocessing.get_context("spawn")
_STARTUP = 60.0  # seconds a fresh worker may take to import everything and say it is ready
# A query still running after LONG_QUERY seconds has its worker's niceness raised to LONG_NICE,
# so on a busy machine runaway queries cannot starve the short ones of CPU until their timeout.
LONG_QUERY = 1.0
LONG_NICE = 19
log = logging.getLogger(__name__)


def _renice(w: _Worker, nice: int) -> bool:
    """Set a worker's niceness; whether it could be set (an unprivileged server can lower a
    worker's priority but not raise it again, so such a worker stays low until replaced)."""
    if w.process.pid is None:  # never started; 0 would name the server itself
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, w.process.pid, nice)
    except OSError:
        return False
    return True


class QueryTimeout(Exception):
    """The query ran past the deadline and its worker was killed."""


class PoolBusy(Exception):
    """Every worker stayed busy for a whole timeout."""


class WorkerCrashed(Exception):
    """The worker died while running the query (e.g. out of memory)."""


class StreamFailed(Exception):
    """The worker reported a failure (``outcome``) after part of the answer was sent."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.kind)
        self.outcome = outcome


class _Worker:
    def __init__(self, memory_mb: int) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process: BaseProcess = _CONTEXT.Process(
            target=worker.main, args=(child, memory_mb), name="ldpub-query", daemon=True
        )
        self.process.start()
        child.close()

    def ready(self) -> bool:
        """Wait until the worker says it can take jobs (imports done, limits set)."""
        try:
            return bool(self.conn.poll(_STARTUP)) and self.conn.recv() == worker.READY
        except (EOFError, OSError):
            return False

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Runs jobs on ``size`` worker processes; each job gets ``timeout`` seconds and each
    worker ``memory_mb`` megabytes of address space (0: no cap)."""

    def __init__(self, size: int, timeout: float, memory_mb: int = 0) -> None:
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for w in [self._start() for _ in range(size)]:  # start all, then wait for each
            self._admit(w)

    def _start(self) -> _Worker:
        w = _Worker(self.memory_mb)
        with self._lock:
            self._all.add(w)
        return w

    def _admit(self, w: _Worker) -> None:
        """Hand out a worker only once it is ready: its start-up is no query's time."""
        if w.ready():
            self._idle.put(w)
            return
        log.error("a query worker failed to start (exit code %s)", w.process.exitcode)
        with self._lock:
            self._all.discard(w)
        w.stop()

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.stop()
        threading.Thread(target=self._admit, args=(self._start(),), daemon=True).start()

    def run(self, job: Job) -> tuple[Outcome, Call]:
        """The job's outcome and the rest of its body (empty unless the outcome is streamed:
        then it is read from the worker under the same deadline, and closing it early gives
        the worker up); raises QueryTimeout, PoolBusy or WorkerCrashed."""
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy from None
        call = Call(self, w)
        try:
            w.conn.send(job)
        except OSError:
            call.end(replace=True)
            raise WorkerCrashed from None
        outcome: Outcome = call.receive()
        if not outcome.streamed:
            call.end(replace=False)
        return outcome, call

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.stop()


class Call:
    """One job on one worker: its messages read under the job's deadline, the worker reniced
    once the job runs long, then given back (or replaced if it cannot be trusted); iterating
    it gives the rest of a streamed answer."""

    def __init__(self, pool: QueryPool, w: _Worker) -> None:
        self._pool, self._w = pool, w
        now = time.monotonic()
        self._deadline = now + pool.timeout
        self._renice_at: float | None = now + LONG_QUERY
        self._demoted = False
        self._open = True

    def receive(self) -> object:
        """The worker's next message; QueryTimeout past the deadline, WorkerCrashed if it died."""
        conn: Connection = self._w.conn
        try:
            if self._renice_at is not None:
                if conn.poll(max(min(self._renice_at, self._deadline) - time.monotonic(), 0)):
                    return conn.recv()
                self._demoted = _renice(self._w, LONG_NICE)  # short queries get the CPU first
                self._renice_at = None
            if not conn.poll(max(self._deadline - time.monotonic(), 0)):
                self.end(replace=True)
                raise QueryTimeout
            return conn.recv()
        except (EOFError, OSError):
            self.end(replace=True)
            raise WorkerCrashed from None

    def end(self, *, replace: bool) -> None:
        """Give the worker back, or replace it (killed, or stopped mid-answer); idempotent."""
        if not self._open:
            return
        self._open = False
        if replace:
            self._pool._replace(self._w)
            return
        if self._demoted:
            _renice(self._w, 0)
        self._pool._idle.put(self._w)

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        """The next chunk of a streamed answer; StreamFailed if the worker failed amid it."""
        if not self._open:
            raise StopIteration
        message = self.receive()
        if isinstance(message, bytes):
            return message
        if message is worker.END:
            self.end(replace=False)
            raise StopIteration
        self.end(replace=True)  # it failed mid-answer (out of memory, store error)
        raise StreamFailed(cast(Outcome, message))

    def close(self) -> None:
        """The reader stopped early (client gone, HEAD): the worker is mid-answer, replace it."""
        self.end(replace=True)
