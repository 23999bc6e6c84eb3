"""Run the pipeline over a corpus on Dask (local workers or an existing cluster).

Articles are sent in batches, in order, with a bounded number in flight, so memory stays flat
and the records come back exactly as the serial run writes them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from .errors import ConfigError
from .io import encode_record
from .model import Article
from .pipeline import analyze_batch
from .study import Study

BATCH = 64


def _encoded_batch(articles: Sequence[Article], study: Study) -> list[tuple[list[str], str | None]]:
    """``analyze_batch`` with each record already encoded as its JSONL line: a string crosses
    the network and the client's writer far cheaper than a nested dict."""
    return [
        ([encode_record(r) for r in records], reason)
        for records, reason in analyze_batch(articles, study)
    ]


def dask_engine(workers: int = 2, scheduler: str | None = None, batch: int = BATCH):
    """An engine for ``run_corpus``: a local cluster of ``workers`` processes, or ``scheduler``."""

    def engine(
        articles: Iterable[Article], study: Study
    ) -> Iterator[tuple[Article, list, str | None]]:
        from distributed import Client, LocalCluster

        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(scheduler, f"no Dask scheduler reachable ({exc})") from None
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
        try:
            study_future = client.scatter(study, broadcast=True)
            pending: deque = deque()
            stream = iter(articles)
            in_flight = 2 * max(1, workers)
            while True:
                while len(pending) < in_flight:
                    chunk = list(islice(stream, batch))
                    if not chunk:
                        break
                    pending.append(
                        (chunk, client.submit(_encoded_batch, chunk, study_future, pure=False))
                    )
                if not pending:
                    break
                chunk, future = pending.popleft()
                for article, (records, reason) in zip(chunk, future.result(), strict=True):
                    yield article, records, reason
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return engine
