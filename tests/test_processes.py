"""The index and its workers under other processes: concurrent writers, kill -9, Ctrl-C, read-only.

Real subprocesses of ``python -m dedupe``, since what is tested is what happens between them.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixture_paths import ROOT, SEEDS

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _dedupe(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dedupe", *args], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 short articles, enough for several batches and a few seconds of work with two workers."""
    words = " ".join(p.read_text() for p in sorted(SEEDS.glob("*.txt"))).split()
    rng = random.Random(7)
    path = tmp_path_factory.mktemp("dump") / "many.jsonl"
    with path.open("w") as out:
        for n in range(3000):
            out.write(json.dumps({"id": f"r{n}", "text": " ".join(rng.sample(words, 120))}) + "\n")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dedupe", *args], env=ENV, capture_output=True, timeout=300)


def _count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_gone(pids: list[int], seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process parents from /proc")
def test_ten_kill9_of_index_add_leave_a_whole_index_and_no_live_worker(tmp_path: Path, dump: Path) -> None:
    db = tmp_path / "killed.db"
    for trial in range(10):
        process = _dedupe("index", "add", str(dump), "--db", str(db), "-j", "2", "-q")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_children(process.pid)) < 2 and process.poll() is None:
            time.sleep(0.05)
        time.sleep(0.3 * (trial % 4))  # kill at different points of the run
        workers = _children(process.pid)
        process.kill()
        process.communicate()
        assert workers, f"trial {trial}: no worker was started"
        assert _wait_gone(workers) == [], f"trial {trial}: workers outlived their parent"
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            orphans = con.execute(
                "SELECT COUNT(*) FROM bands WHERE article NOT IN (SELECT rowid FROM articles)"
            )
            assert orphans.fetchone() == (0,)
    finished = _run("index", "add", str(dump), "--db", str(db), "-j", "2", "-q")
    assert finished.returncode == 0, finished.stderr.decode()
    assert _count(db) == 3000


@pytest.mark.slow
def test_two_writers_creating_one_new_index_both_finish_with_every_article(tmp_path: Path) -> None:
    for trial in range(5):
        db = tmp_path / f"race{trial}.db"
        writers = [_dedupe("index", "add", str(SEEDS), "--db", str(db), "-j", "1", "-q") for _ in range(2)]
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err.decode()
        assert _count(db) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.slow
def test_a_writer_beside_a_long_transaction_waits_and_finishes(tmp_path: Path, dump: Path) -> None:
    db = tmp_path / "busy.db"
    assert _run("index", "add", str(SEEDS), "--db", str(db), "-q").returncode == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(8); con.execute('COMMIT')",
            str(db),
        ],
        stdout=subprocess.PIPE,
    )  # fmt: skip  -- as a long `index remove` holds the write lock
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    writer = _dedupe("index", "add", str(dump), "--db", str(db), "-j", "2", "-q")
    _, err = writer.communicate(timeout=300)
    holder.communicate()
    assert writer.returncode == 0, err.decode()
    assert b"Traceback" not in err
    assert _count(db) == 3000 + len(list(SEEDS.glob("*.txt")))


def test_query_and_stats_work_on_a_read_only_index(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "seeds.db"
    assert _run("index", "add", str(SEEDS), "--db", str(db), "-q").returncode == 0
    before = db.read_bytes()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        query = _dedupe(
            "index", "query", str(SEEDS / "004_6b7b728a0a1fe40e.txt"), "--db", str(db), "-f", "json"
        )
        out, err = query.communicate(timeout=120)
        assert query.returncode == 0, err.decode()
        assert json.loads(out)["matches"]
        stats = _dedupe("index", "stats", "--db", str(db), "-f", "json")
        out, err = stats.communicate(timeout=120)
        assert stats.returncode == 0, err.decode()
        assert json.loads(out)["articles"] == 5
    finally:
        folder.chmod(0o755)
    assert db.read_bytes() == before
    # Root may write anyway, and SQLite then opens the WAL's side files, but writes nothing to them.
    assert [
        p.name
        for p in folder.iterdir()
        if p.name != "seeds.db" and p.stat().st_size and p.suffix != ".db-shm"
    ] == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process parents from /proc")
def test_ctrl_c_leaves_no_process_and_no_temporary_file(tmp_path: Path, dump: Path) -> None:
    out = tmp_path / "scan.html"
    for args in (
        ("index", "add", str(dump), "--db", str(tmp_path / "int.db"), "-j", "2", "-q"),
        ("scan", str(dump), "-j", "2", "-q", "-f", "html", "--out", str(out)),
    ):
        process = _dedupe(*args)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_children(process.pid)) < 2 and process.poll() is None:
            time.sleep(0.05)
        workers = _children(process.pid)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err.decode()
        assert b"Traceback" not in err
        assert _wait_gone(workers) == []
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []
    assert not out.exists()
