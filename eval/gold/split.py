#!/usr/bin/env python3
"""Draw the development/test split of the kankei development gold.

Run once, before any annotation was looked at; its output is recorded in SPLIT.md.
The draw depends only on the file names and sizes of ../shared and on SEED, so
`python3 eval/gold/split.py` reprints the same split on any machine.

- news: NEWS_DOCS articles drawn from ../shared/news-corpus, then a random 30 % of them
  (by document) is the test part.
- wiki: the Cold War articles of ../shared/bench-corpus listed in WIKI_POOL, shuffled;
  documents go to the test part in that order until it holds 30 % of the pool's characters
  (the articles differ 40-fold in length, so a split by count alone could leave the test
  part a few hundred characters).
- double: 25 % of the documents of each genre (rounded up), drawn from the whole genre,
  are annotated twice, independently.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

SEED = 20261206
NEWS_DOCS = 160
TEST_SHARE = 0.30
DOUBLE_SHARE = 0.25
WIKI_POOL = (
    "冷戦.txt",
    "キューバ危機.txt",
    "デタント.txt",
    "ベルリンの壁.txt",
    "ハンガリー動乱.txt",
    "プラハの春.txt",
    "アフガニスタン紛争_(1978年-1989年).txt",
    "中距離核戦力全廃条約.txt",
    "マルタ会談.txt",
    "部分的核実験禁止条約.txt",
    "北大西洋条約機構.txt",
    "ワルシャワ条約機構.txt",
    "核拡散防止条約.txt",
    "中ソ国境紛争.txt",
)


def draw(shared: Path) -> dict[str, list[str]]:
    rng = random.Random(SEED)
    news_all = sorted(p.name for p in (shared / "news-corpus").glob("wikinews_*.txt"))
    news = sorted(rng.sample(news_all, NEWS_DOCS))
    news_test = sorted(rng.sample(news, round(len(news) * TEST_SHARE)))
    news_dev = [d for d in news if d not in news_test]

    sizes = {d: len((shared / "bench-corpus" / d).read_text(encoding="utf-8")) for d in WIKI_POOL}
    order = sorted(WIKI_POOL)
    rng.shuffle(order)
    wiki_test: list[str] = []
    while sum(sizes[d] for d in wiki_test) < TEST_SHARE * sum(sizes.values()):
        wiki_test.append(order[len(wiki_test)])
    wiki_test.sort()
    wiki_dev = sorted(d for d in WIKI_POOL if d not in wiki_test)

    news_double = sorted(rng.sample(news, math.ceil(len(news) * DOUBLE_SHARE)))
    wiki_double = sorted(rng.sample(sorted(WIKI_POOL), math.ceil(len(WIKI_POOL) * DOUBLE_SHARE)))
    return {
        "news-dev": news_dev,
        "news-test": news_test,
        "wiki-dev": wiki_dev,
        "wiki-test": wiki_test,
        "news-double": news_double,
        "wiki-double": wiki_double,
    }


if __name__ == "__main__":
    root = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared"
    )
    print(json.dumps(draw(root), ensure_ascii=False, indent=1))
