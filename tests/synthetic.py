"""Stores filled with hand-made events, for tests that need no parser."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from kankei.model import Document, Event, Sentence
from kankei.store import Store

GOLDSTEIN = {"040": (1.0, 1), "057": (8.0, 1), "111": (-2.0, 3), "190": (-10.0, 4), "070": (7.0, 2)}


def make_event(doc_id: str, index: int, sentence: Sentence, **kw: Any) -> Event:
    code = kw.pop("code", "040")
    goldstein, quad = GOLDSTEIN[code]
    date = kw.pop("date", None)
    fields: dict[str, Any] = {
        "doc_id": doc_id,
        "sentence_index": index,
        "source": "USA",
        "target": "SUN",
        "code": code,
        "root": code[:2],
        "goldstein": goldstein,
        "quad_class": quad,
        "plover": None,
        "predicate": sentence.text[-3:-1],
        "pred_start": sentence.end - 3,
        "pred_end": sentence.end - 1,
        "source_text": "米国",
        "target_text": "ソ連",
        "source_agent": None,
        "target_agent": None,
        "date": date,
        "date_text": f"{date[:4]}年" if date else None,
        "date_precision": "year" if date else None,
        "date_rule": "explicit" if date else None,
        "date_start": None,
        "date_end": None,
        "negated": False,
        "mode": "asserted",
        "confidence": 0.9,
        "rule": "synthetic",
    }
    fields.update(kw)
    return Event(**fields)


def add_document(store: Store, name: str, rows: list[dict[str, Any]]) -> str:
    """One document with a sentence per row; each row holds an event's fields (and `text`)."""
    texts = [r.pop("text", f"{r.get('date', '')}年、米国はソ連と会談した。") for r in rows]
    text = "\n".join(texts) + "\n"
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    sentences, at = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(doc_id, i, at, at + len(t), t, tuple(range(at, at + len(t)))))
        at += len(t) + 1
    doc = Document(
        doc_id=doc_id,
        path=f"/synthetic/{name}",
        name=name,
        fmt="txt",
        encoding="utf-8",
        text=text,
        title=name,
        sentences=tuple(sentences),
    )
    events = [make_event(doc_id, i, sentences[i], **row) for i, row in enumerate(rows)]
    store.replace_document(doc, events)
    return doc_id


def build_store(path: Path, docs: dict[str, list[dict[str, Any]]]) -> Path:
    with Store(path) as store:
        for name, rows in docs.items():
            add_document(store, name, [dict(r) for r in rows])
    return path
