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
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

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

    def run(self, job: Job) -> Outcome:
        """The job's outcome; raises QueryTimeout, PoolBusy or WorkerCrashed."""
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy from None
        conn: Connection = w.conn
        demoted = False
        try:
            conn.send(job)
            if not conn.poll(min(LONG_QUERY, self.timeout)):
                demoted = _renice(w, LONG_NICE)  # short queries elsewhere get the CPU first
                if not conn.poll(max(self.timeout - LONG_QUERY, 0)):
                    self._replace(w)
                    raise QueryTimeout
            outcome: Outcome = conn.recv()
        except (EOFError, OSError):
            self._replace(w)
            raise WorkerCrashed from None
        if demoted:
            _renice(w, 0)
        self._idle.put(w)
        return outcome

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.stop()
