"""perspectives: find, attribute and score the quotations in news articles.

The stages are modules (``ingest``, ``segment``, ``quotes``, ``roles``, ``sentiment``,
``stance``, ``frames``, ``compare``, ``figures``, ``render``); the names below are the ones a
study usually starts from.
"""

from __future__ import annotations

from importlib.metadata import version

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
__version__ = version("perspectives")
