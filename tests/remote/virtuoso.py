"""Start a throwaway Virtuoso (Debian ``virtuoso-opensource`` 7) on loopback ports.

Used by the remote-store tests and the benchmarks: a fresh database in a folder, the SQL and
HTTP servers on free ports of 127.0.0.1, SPARQL Update and the Graph Store Protocol opened to
the anonymous endpoint user (this instance is private to the process that started it).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.web.live_server import free_port, stop, wait_until_up

_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = ., {dirs}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = {threads}
MaxClientConnections = {threads}
MaxKeepAlives = {threads}
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""

# Lets the anonymous endpoint user ("SPARQL", web id "nobody") write: update and GSP PUT.
_OPEN_WRITES = (
    'GRANT SPARQL_UPDATE TO "SPARQL"',
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)",
)


@dataclass(frozen=True)
class Virtuoso:
    url: str  # http://127.0.0.1:PORT
    sql_port: int
    folder: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    @property
    def gsp(self) -> str:
        return self.url + "/sparql-graph-crud"

    def isql(self, *statements: str, timeout: float = 600) -> str:
        """Run SQL statements with isql as dba; raises with Virtuoso's message on an error."""
        script = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba"],
            input=script,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        out = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed:\n{script}\n{out}")
        return out


def _binary() -> str:
    path = shutil.which("virtuoso-t")
    if path is None or shutil.which("isql-vt") is None:
        raise RuntimeError(
            "virtuoso-t or isql-vt is not installed: run scripts/system-deps.sh "
            "(Debian package virtuoso-opensource) to test or benchmark the remote store."
        )
    return path


@contextmanager
def virtuoso(
    folder: Path,
    *,
    buffers: int = 20_000,
    threads: int = 10,
    dirs: Sequence[Path] = (),
    startup: float = 90.0,
) -> Iterator[Virtuoso]:
    """A Virtuoso with a new database in ``folder``, up and writable until the block ends.

    ``buffers``: 8 KiB pages of cache; ``dirs``: folders its bulk loader may read.
    """
    binary = _binary()
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        _INI.format(
            db=db,
            sql_port=sql_port,
            http_port=http_port,
            buffers=buffers,
            dirty=buffers * 3 // 4,
            dirs=", ".join(str(d) for d in (folder, *dirs)),
            threads=threads,
        )
    )
    log = folder / "virtuoso.out"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Virtuoso(f"http://127.0.0.1:{http_port}", sql_port, folder)
    try:
        wait_until_up(proc, server.sparql + "?query=ASK%7B%7D", log, startup)
        server.isql(*_OPEN_WRITES)
        yield server
    finally:
        stop(proc, 15)
