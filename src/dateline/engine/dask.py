"""The Dask runner: the local runner's results, with the pipeline running on a Dask distributed cluster.

How a run goes:

1. The driver plans shards lazily, in input order: every file is a shard, and a plain JSON Lines file longer
   than ``shard_size`` lines is cut into line ranges (byte offsets found by streaming the file once), so the
   driver never holds the corpus.
2. Each shard is a task, submitted with ``retries=1``. A worker reads its shard with dateline's readers, runs the
   pipeline that :class:`PipelinePlugin` built once when the worker joined, and writes a part file (JSON Lines:
   every input's outcome with its full article) into a folder next to the database.
3. The driver merges parts in plan order, one transaction per part, applying the local runner's skip rules
   (already stored, duplicate earlier in this run), so the store ends up as after a local run. Each merged shard
   is recorded; a rerun skips shards merged without failures and redoes the others.
4. A shard whose task fails twice (an error, or a worker dying under it) gets a failed outcome for each of its
   inputs, or for its file when the inputs cannot be listed: logged, never lost.

Workers must see input paths and the parts folder at the same paths as the driver (one machine, or a shared
filesystem). See ``docs/scale.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import stat
import threading
import time
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from dateline import ingest
from dateline.engine.local import RunSummary, skip_known
from dateline.errors import ConfigError
from dateline.ingest import files
from dateline.ingest.jsonl import read_jsonl
from dateline.model import Article, Outcome
from dateline.pipeline import Pipeline
from dateline.store import Store

__all__ = ["DEFAULT_SHARD_SIZE", "PipelinePlugin", "Shard", "plan_shards", "read_shard", "run_dask"]

Item = Article | Outcome
Record = tuple[str | None, Outcome]  # (the id of the article read for this input, or None; its outcome)

#: Lines of a JSON Lines file per task: small enough to balance two workers on a few thousand articles, large
#: enough that a task's overhead (scheduling, part file, merge transaction) stays a few percent of its work.
DEFAULT_SHARD_SIZE = 200
PLUGIN_NAME = "dateline-pipeline"
PART_SUFFIX = ".part.jsonl"
_BLOCK = 1 << 20
_NO_STDIN = "the Dask engine reads files, not standard input (-); save the input as a .jsonl file and pass its path"


# -- shards -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shard:
    """One task's input: a whole file (``end`` is None), or ``lines`` lines of a JSONL file from ``first_line``.

    ``stamp`` is the file's size and modification time when planned, so a changed file makes new shards.
    """

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    lines: int = 0
    stamp: str = ""

    @property
    def key(self) -> str:
        """A stable name for the shard: the same file range, unchanged, always has the same key."""
        raw = f"{os.path.abspath(self.path)}\0{self.start}\0{self.end}\0{self.stamp}"
        return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()

    @property
    def label(self) -> str:
        """How outcomes about the shard as a whole name it: the file, or its line range."""
        if self.end is None:
            return self.path
        return f"{self.path}#lines {self.first_line}-{self.first_line + self.lines - 1}"


def plan_shards(paths: Iterable[str], shard_size: int = DEFAULT_SHARD_SIZE) -> Iterator[Shard | Outcome]:
    """The shards of ``paths`` in the order :func:`dateline.ingest.read` reads them; a folder entry that cannot
    be listed becomes its failed outcome, as in a local run."""
    for path in paths:
        if path == "-":
            raise ConfigError(_NO_STDIN, code="E020")
        if not os.path.isdir(path):
            yield from _file_shards(path, shard_size)
            continue
        for entry in files.walk(path):
            if isinstance(entry, tuple):
                yield Outcome(entry[0], "failed", entry[1])
            else:
                yield from _file_shards(entry, shard_size)


def _file_shards(path: str, shard_size: int) -> Iterator[Shard]:
    """One shard for the file, or line ranges for a long plain JSONL file that has at least one record."""
    try:
        info = os.stat(path)
    except OSError:
        yield Shard(path)  # the worker's reader reports the error, worded as in a local run
        return
    stamp = f"{info.st_size}:{info.st_mtime_ns}"
    if not _splittable(path, info):
        yield Shard(path, stamp=stamp)
        return
    held: list[Shard] = []  # ranges kept back until the file shows two ranges and a record
    streaming, has_records = False, False
    for start, end, first_line, lines, content in _line_ranges(path, shard_size):
        shard = Shard(path, start, end, first_line, lines, stamp)
        if streaming:
            yield shard
            continue
        has_records = has_records or content
        held.append(shard)
        if has_records and len(held) > 1:
            yield from held
            streaming = True
    if not streaming:  # one range, or blank lines only: read the file whole, exactly as a local run does
        yield Shard(path, stamp=stamp)


def _splittable(path: str, info: os.stat_result) -> bool:
    """A regular, non-empty, uncompressed ``.jsonl`` text file (gzip streams cannot be entered mid-way)."""
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
        return False
    if files.kind_by_name(path) != "jsonl" or files.is_gzip_name(path):
        return False
    try:
        return files.binary_kind(files.read_head(path, gzipped=False)) is None
    except OSError:
        return False  # unreadable here: one shard, and the worker's reader says why


def _line_ranges(path: str, size: int) -> Iterator[tuple[int, int, int, int, bool]]:
    """(start, end, first line, line count, has non-blank content) of consecutive ranges of ``size`` lines.

    Streams the file in 1 MB blocks and counts newlines, so memory stays flat whatever the file's size.
    """
    start = offset = 0
    first_line, counted, content, last_byte = 1, 0, False, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            pos = 0
            while (cut := _after_newlines(block, pos, size - counted)) >= 0:
                content = content or bool(block[pos:cut].strip())
                yield start, offset + cut, first_line, size, content
                start, first_line, counted, content, pos = offset + cut, first_line + size, 0, False, cut
            counted += block.count(b"\n", pos)
            content = content or bool(block[pos:].strip())
            offset += len(block)
            last_byte = block[-1:]
    if start < offset:
        yield start, offset, first_line, counted + (last_byte != b"\n"), content


def _after_newlines(block: bytes, pos: int, n: int) -> int:
    """The index just past the ``n``-th newline of ``block`` from ``pos``, or -1 when there are fewer."""
    if block.count(b"\n", pos) < n:
        return -1
    for _ in range(n):
        pos = block.index(b"\n", pos) + 1
    return pos


def read_shard(shard: Shard, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The articles and outcomes of one shard, exactly as :func:`dateline.ingest.read` gives them for it."""
    if shard.end is None:
        yield from ingest.read_file(shard.path, max_bytes=max_bytes)
        return
    with open(shard.path, "rb") as handle:
        handle.seek(shard.start)
        lines = _Range(handle, shard.end)
        for item in read_jsonl(lines, shard.path, max_bytes, whole=shard.label, first_line=shard.first_line):
            if isinstance(item, Outcome) and item.source == shard.label and item.status == "skipped":
                continue  # "no records" in this range: the file has records elsewhere (the plan checked)
            yield item


class _Range:
    """A binary file read line by line up to byte ``end`` (the start of the next range)."""

    def __init__(self, handle: BinaryIO, end: int) -> None:
        self.handle, self.position, self.end = handle, handle.tell(), end

    def readline(self, size: int = -1, /) -> bytes:
        left = self.end - self.position
        if left <= 0:
            return b""
        line = self.handle.readline(left if size < 0 else min(size, left))
        self.position += len(line)
        return line


# -- workers ------------------------------------------------------------------------------------------------


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline (and loads spaCy) once per worker, when the worker starts or joins the cluster.

    The lock serialises tasks on a worker started with several threads: a pipeline is not shared between
    threads, and one thread per worker is what ``docs/scale.md`` recommends anyway.
    """

    def __init__(self, make_pipeline: Callable[[], Pipeline]) -> None:
        self.make_pipeline = make_pipeline
        self.pipeline: Pipeline | None = None
        self.lock: threading.Lock | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"make_pipeline": self.make_pipeline}  # what travels: the recipe, never a loaded pipeline

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.make_pipeline, self.pipeline, self.lock = state["make_pipeline"], None, None

    def setup(self, worker: Any) -> None:
        self.lock = threading.Lock()
        self.pipeline = self.make_pipeline()
        _ = self.pipeline.nlp  # load spaCy now, not inside the first task


def process_shard(shard: Shard, part: str, max_bytes: int) -> str:
    """The task: read ``shard``, run the worker's pipeline, write the part file ``part`` and return its path."""
    plugin = cast(PipelinePlugin, get_worker().plugins[PLUGIN_NAME])
    assert plugin.pipeline is not None and plugin.lock is not None, "worker plugin not set up"
    with plugin.lock:
        _write_part(_shard_records(shard, plugin.pipeline, max_bytes), Path(part))
    return part


def _shard_records(shard: Shard, pipeline: Pipeline, max_bytes: int) -> Iterator[Record]:
    items = read_shard(shard, max_bytes)
    while batch := list(itertools.islice(items, pipeline.limits.batch_size)):
        yield from _in_input_order(batch, list(pipeline.process(batch)))


def _in_input_order(batch: list[Item], outcomes: list[Outcome]) -> list[Record]:
    """Pair each outcome with its input, in input order (the pipeline yields unparsed inputs first).

    A processed outcome holds its input article and a reader's outcome is passed through, so both are found by
    identity; a stage's skip or failure is a new outcome naming its article's source.
    """
    slots = {id(item): i for i, item in enumerate(batch)}
    placed: list[Outcome | None] = [None] * len(batch)
    by_source: list[Outcome] = []
    for outcome in outcomes:
        index = slots.get(id(outcome.article if outcome.article is not None else outcome))
        if index is None:
            by_source.append(outcome)
        else:
            placed[index] = outcome
    free: defaultdict[str, deque[int]] = defaultdict(deque)
    for i, item in enumerate(batch):
        if placed[i] is None:
            free[item.source].append(i)
    for outcome in by_source:
        placed[free[outcome.source].popleft()] = outcome
    return [
        (item.id if isinstance(item, Article) else None, cast(Outcome, outcome))
        for item, outcome in zip(batch, placed, strict=True)
    ]


def _write_part(records: Iterable[Record], part: Path) -> None:
    """Write the records to ``part`` atomically: a retried or duplicated task never leaves half a part."""
    temporary = part.with_name(f".{part.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as out:
            for input_id, outcome in records:
                article = asdict(outcome.article) if outcome.article is not None else None
                line = {"input": input_id, "source": outcome.source, "status": outcome.status}
                out.write(json.dumps({**line, "reason": outcome.reason, "article": article}) + "\n")
        os.replace(temporary, part)
    finally:
        temporary.unlink(missing_ok=True)


def _read_part(part: Path) -> Iterator[Record]:
    with part.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            article = Article.from_dict(data["article"]) if data["article"] is not None else None
            yield data["input"], Outcome(data["source"], data["status"], data["reason"], article)


# -- driver -------------------------------------------------------------------------------------------------


def run_dask(
    paths: Iterable[str],
    store: Store,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    make_pipeline: Callable[[], Pipeline] = Pipeline,
    force: bool = False,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    shard_size: int = DEFAULT_SHARD_SIZE,
    parts_dir: str | Path | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_dashboard: Callable[[str], None] | None = None,
    on_tasks: Callable[[int, int], None] | None = None,
) -> RunSummary:
    """Process ``paths`` into ``store`` on a Dask cluster: the one at ``scheduler`` (``tcp://host:8786``), or a
    LocalCluster of ``n_workers`` processes started for this run. Same records and log as :func:`run`.

    ``make_pipeline`` builds each worker's pipeline (it must be importable on the workers); ``parts_dir`` is where
    workers write part files (default: ``<database>.parts`` next to the database). ``on_tasks(done, total)`` is
    called before the first task and after each shard is merged; to know the total, the inputs are planned twice
    (a second walk of the folders and, for a long JSONL file, a second scan for line offsets: quick next to the
    analysis, and the driver's memory stays flat).
    """
    paths = list(paths)
    if "-" in paths:
        raise ConfigError(_NO_STDIN, code="E020")
    if shard_size < 1:
        raise ConfigError(f"shard size must be at least 1 line, not {shard_size}", code="E021")
    folder = Path(parts_dir) if parts_dir is not None else store.path.parent / f"{store.path.name}.parts"
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    summary = RunSummary(store.start_run(" ".join(paths)))
    merger = _Merger(store, summary, force=force, on_outcome=on_outcome)
    with _client(scheduler, n_workers) as client:
        if on_dashboard is not None and client.dashboard_link:
            on_dashboard(client.dashboard_link)  # where to watch the tasks (a LocalCluster's is on a free port)
        client.register_plugin(PipelinePlugin(make_pipeline), name=PLUGIN_NAME)
        window = max(8, 4 * sum(client.nthreads().values()))  # shards in flight: a little more than can run
        tasks = _TaskCount(on_tasks, paths, shard_size)
        in_flight: deque[tuple[Shard | Outcome, Future | None]] = deque()
        for entry in plan_shards(paths, shard_size):
            in_flight.append((entry, merger.submit(client, entry, str(folder), max_bytes)))
            if len(in_flight) >= window:
                tasks.merged(merger, *in_flight.popleft(), max_bytes=max_bytes)
        while in_flight:
            tasks.merged(merger, *in_flight.popleft(), max_bytes=max_bytes)
    store.finish_run(summary.run_id, summary.counts)
    _tidy(folder, remove=parts_dir is None)
    return summary


def _tidy(folder: Path, *, remove: bool) -> None:
    """Delete parts left by a run that stopped before merging them and half-written parts of workers that died
    mid-task (every part of this run is merged and deleted by now); remove the folder if it is ours and empty."""
    for stale in itertools.chain(folder.glob(f"*{PART_SUFFIX}"), folder.glob(f".*{PART_SUFFIX}.*.tmp")):
        stale.unlink(missing_ok=True)
    if remove:
        with contextlib.suppress(OSError):
            folder.rmdir()


@contextlib.contextmanager
def _client(scheduler: str | None, n_workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster of one-thread worker processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # A task on which a worker dies twice is given up (KilledWorker) instead of the default four times.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    with cluster, Client(cluster) as client:
        yield client


class _TaskCount:
    """Reports shards merged out of all shards planned, for a progress display; does nothing without a callback."""

    def __init__(self, report: Callable[[int, int], None] | None, paths: list[str], shard_size: int) -> None:
        self.report, self.done = report, 0
        self.total = 0
        if report is not None:
            self.total = sum(isinstance(entry, Shard) for entry in plan_shards(paths, shard_size))
            report(0, self.total)

    def merged(self, merger: _Merger, entry: Shard | Outcome, future: Future | None, *, max_bytes: int) -> None:
        merger.merge(entry, future, max_bytes=max_bytes)
        if self.report is not None and isinstance(entry, Shard):
            self.done += 1
            self.report(self.done, max(self.total, self.done))  # a file added since planning adds a task


class _Merger:
    """The driver's side: submits shards and merges their parts into the store, in plan order."""

    def __init__(
        self, store: Store, summary: RunSummary, *, force: bool, on_outcome: Callable[[Outcome], None] | None
    ) -> None:
        self.store, self.summary, self.force, self.on_outcome = store, summary, force, on_outcome
        self.parts = _PartLog(store)
        self.pending: set[str] = set()  # ids kept from parts not yet written, as in the local runner
        self.kept: list[str] = []

    def submit(self, client: Client, entry: Shard | Outcome, folder: str, max_bytes: int) -> Future | None:
        """A future for a shard to process; None for an outcome or a shard merged cleanly before."""
        if isinstance(entry, Outcome) or (not self.force and self.parts.clean(entry.key) is not None):
            return None
        part = Path(folder) / f"{entry.key}-{uuid.uuid4().hex[:8]}{PART_SUFFIX}"  # unique: a path may be given twice
        return client.submit(process_shard, entry, str(part), max_bytes, retries=1, pure=False)

    def merge(self, entry: Shard | Outcome, future: Future | None, *, max_bytes: int) -> None:
        if isinstance(entry, Outcome):
            self._write([(None, entry)])
        elif future is None:
            self.summary.counts["skipped"] += self.parts.clean(entry.key) or 0
        else:
            self._merge_part(entry, future, max_bytes)

    def _merge_part(self, shard: Shard, future: Future, max_bytes: int) -> None:
        try:
            part = Path(future.result())
        except Exception as exc:
            if future.status != "error":
                raise  # the cluster went away: stop here; a rerun redoes what was not merged
            reason = f"task failed twice on the cluster ({type(exc).__name__}: {exc})"
            self._write((None, outcome) for outcome in _failed_inputs(shard, reason, max_bytes))
            return
        counts = self._write(_read_part(part))
        self.parts.record(shard, counts, self.summary.run_id)
        part.unlink()

    def _write(self, records: Iterable[Record]) -> Counter[str]:
        """Store one part in one transaction, after the local runner's skip rules; returns its counts."""
        counts: Counter[str] = Counter()
        self.store.write(self._counted(self._decide(records), counts), self.summary.run_id)
        self.pending.difference_update(self.kept)
        self.kept.clear()
        return counts

    def _decide(self, records: Iterable[Record]) -> Iterator[Outcome]:
        """Each record's outcome, or the skip that replaces it, decided by the local runner's ``skip_known``."""
        first, second = itertools.tee(records)
        inputs = (_as_input(input_id, outcome) for input_id, outcome in first)
        decisions = skip_known(inputs, self.store, self.pending, self.force)
        for (_, outcome), decided in zip(second, decisions, strict=True):
            if isinstance(decided, Article):
                self.kept.append(decided.id)
                yield outcome
            else:
                yield decided  # a reader's outcome passed through, or the skip that replaces this input

    def _counted(self, outcomes: Iterable[Outcome], counts: Counter[str]) -> Iterator[Outcome]:
        for outcome in outcomes:
            counts[outcome.status] += 1
            self.summary.counts[outcome.status] += 1
            if self.on_outcome is not None:
                self.on_outcome(outcome)
            yield outcome


def _as_input(input_id: str | None, outcome: Outcome) -> Item:
    """What the reader gave for this input: its article (a stand-in with its id if not processed), or the outcome."""
    if input_id is None:
        return outcome
    return outcome.article or Article(id=input_id, text="", source=outcome.source)


def _failed_inputs(shard: Shard, reason: str, max_bytes: int) -> Iterator[Outcome]:
    """A failed outcome for each record line of a line range, or one for the file of a whole-file shard."""
    if shard.end is None:
        yield Outcome(shard.path, "failed", reason)
        return
    with open(shard.path, "rb") as handle:
        handle.seek(shard.start)
        lines = _Range(handle, shard.end)
        for number in itertools.count(shard.first_line):
            line = lines.readline(max_bytes)
            if not line:
                return
            if line.strip():
                yield Outcome(f"{shard.path}#line {number}", "failed", reason)
            while line and not line.endswith(b"\n"):  # the rest of a line longer than max_bytes
                line = lines.readline(max_bytes)


class _PartLog:
    """Shards merged into this database (table ``engine_parts``), so that a rerun skips them.

    Recorded in a transaction after the part's own: if the driver stops in between, the rerun merges the part
    again, which stores nothing twice (its articles are then already stored).
    """

    def __init__(self, store: Store) -> None:
        self.db = store.db  # the table is part of the store's schema

    def clean(self, key: str) -> int | None:
        """The number of inputs of a shard merged before without failures, or None."""
        row = self.db.execute("SELECT inputs FROM engine_parts WHERE key = ? AND failed = 0", (key,)).fetchone()
        return None if row is None else int(row[0])

    def record(self, shard: Shard, counts: Counter[str], run_id: int) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO engine_parts VALUES (?, ?, ?, ?, ?, ?)",
                (shard.key, shard.label, counts.total(), counts["failed"], run_id, time.time()),
            )
