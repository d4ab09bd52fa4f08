"""A fixed set of worker processes that run SPARQL queries under a deadline.

A query that overruns is stopped by killing its worker (nothing else stops Oxigraph mid-query)
and a fresh worker takes its place, so one runaway query costs one worker for ``timeout``
seconds and never blocks the other clients.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from pipeline.web import worker
from pipeline.web.worker import Job, Outcome

# "spawn": forking a process that runs server threads and holds an open store is unsafe.
_CONTEXT = multiprocessing.get_context("spawn")


class QueryTimeout(Exception):
    """The query ran past the deadline and its worker was killed."""


class PoolBusy(Exception):
    """Every worker stayed busy for a whole timeout."""


class WorkerCrashed(Exception):
    """The worker died while running the query (e.g. out of memory)."""


class _Worker:
    def __init__(self) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process: BaseProcess = _CONTEXT.Process(
            target=worker.main, args=(child,), name="ldpub-query", daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Runs jobs on ``size`` worker processes; each job gets ``timeout`` seconds."""

    def __init__(self, size: int, timeout: float) -> None:
        self.timeout = timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = _Worker()
        with self._lock:
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.stop()
        self._add()

    def run(self, job: Job) -> Outcome:
        """The job's outcome; raises QueryTimeout, PoolBusy or WorkerCrashed."""
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy from None
        conn: Connection = w.conn
        try:
            conn.send(job)
            if not conn.poll(self.timeout):
                self._replace(w)
                raise QueryTimeout
            outcome: Outcome = conn.recv()
        except (EOFError, OSError):
            self._replace(w)
            raise WorkerCrashed from None
        self._idle.put(w)
        return outcome

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.stop()
