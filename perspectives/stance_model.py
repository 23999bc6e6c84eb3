"""Supervised stance: a TF-IDF + logistic regression model for studies with coded quotes.

scikit-learn is imported on first use of ``StanceClassifier`` (PEP 562 module
``__getattr__``), so that rule-based scoring, which every pipeline run does, never pays for it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from .errors import ConfigError
from .frames import WORD


def _documents(X: Any) -> list[str]:
    """Texts, or (text, target) pairs whose words are also tagged with the target."""
    docs = []
    for x in X:
        if isinstance(x, str):
            docs.append(x)
        else:
            text, target = x
            docs.append(text + " " + " ".join(f"{target}__{w}" for w in WORD.findall(text.lower())))
    return docs


@lru_cache(maxsize=1)
def _classifier_class() -> type:
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.utils.validation import check_is_fitted

    class StanceClassifier(ClassifierMixin, BaseEstimator):
        """TF-IDF + logistic regression stance model, for a study with hand-coded quotes.

        Parameters
        ----------
        ngram_range, min_df : passed to ``TfidfVectorizer``.
        C, class_weight, max_iter : passed to ``LogisticRegression``.

        ``X`` is a list of quote texts, or of ``(text, target)`` pairs to learn one model for
        several targets. Learned: ``pipeline_``, ``classes_``.

        Examples
        --------
        >>> X = ["they acted bravely", "a brutal failure", "we praise them", "cowardly, cruel"]
        >>> model = StanceClassifier().fit(X, ["favor", "against", "favor", "against"])
        >>> model.predict(["brutal and cowardly"]).tolist()
        ['against']
        """

        def __init__(
            self, ngram_range=(1, 2), min_df=1, C=1.0, class_weight="balanced", max_iter=1000
        ):
            self.ngram_range = ngram_range
            self.min_df = min_df
            self.C = C
            self.class_weight = class_weight
            self.max_iter = max_iter

        def fit(self, X: Any, y: Any) -> Any:
            """Learn from quotes ``X`` and their labels ``y``; returns ``self``."""
            tfidf = TfidfVectorizer(
                ngram_range=self.ngram_range, min_df=self.min_df, sublinear_tf=True
            )
            logreg = LogisticRegression(
                C=self.C, class_weight=self.class_weight, max_iter=self.max_iter
            )
            self.pipeline_ = Pipeline([("tfidf", tfidf), ("logreg", logreg)])
            self.pipeline_.fit(_documents(X), list(y))
            self.classes_ = self.pipeline_.classes_
            return self

        def predict(self, X: Any) -> Any:
            check_is_fitted(self)
            return self.pipeline_.predict(_documents(X))

        def predict_proba(self, X: Any) -> Any:
            check_is_fitted(self)
            return self.pipeline_.predict_proba(_documents(X))

    StanceClassifier.__module__ = __name__
    StanceClassifier.__qualname__ = "StanceClassifier"
    globals()["StanceClassifier"] = StanceClassifier  # later lookups, pickle, doctest
    return StanceClassifier


def __getattr__(name: str) -> Any:
    if name == "StanceClassifier":
        return _classifier_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def cross_validate_stance(texts: Any, labels: Any, cv: int = 5, **params: Any) -> dict[str, float]:
    """Stratified ``cv``-fold accuracy and macro-F1 (mean and sd) of ``StanceClassifier``."""
    from sklearn.model_selection import StratifiedKFold, cross_validate

    labels = list(labels)
    if len(texts) != len(labels):
        raise ConfigError("stance training data", f"{len(texts)} texts but {len(labels)} labels")
    smallest = min(Counter(labels).values(), default=0)
    if smallest < cv:
        raise ConfigError("stance training data", f"a label has {smallest} examples, < cv={cv}")
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=0)
    scoring = {"accuracy": "accuracy", "macro_f1": "f1_macro"}
    model = _classifier_class()(**params)
    result = cross_validate(model, list(texts), labels, cv=folds, scoring=scoring)
    summary: dict[str, float] = {"n": len(labels), "cv": cv}
    for name in scoring:
        summary[name] = float(result[f"test_{name}"].mean())
        summary[f"{name}_sd"] = float(result[f"test_{name}"].std())
    return summary
