"""perspectives: find, attribute and score the quotations in news articles.

The stages are modules (``ingest``, ``segment``, ``quotes``, ``roles``, ``sentiment``,
``stance``, ``frames``, ``compare``, ``figures``, ``render``); the names below are the ones a
study usually starts from.
"""

from __future__ import annotations

from .ingest import read_article, read_articles
from .model import Article, Quote
from .pipeline import analyze_article, run_corpus
from .quotes import extract
from .study import Study, load_study

__all__ = [
    "Article",
    "Quote",
    "Study",
    "analyze_article",
    "extract",
    "load_study",
    "read_article",
    "read_articles",
    "run_corpus",
]


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for:
    importing ``importlib.metadata`` would cost every run (every CLI call) ~20 ms."""
    if name == "__version__":
        from importlib.metadata import version

        return version("perspectives")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
