"""Latency of the HTTP API over a store of 1,000,000 synthetic events.

Usage: python bench/store_scale.py [--events N] [--requests K] [--keep DB]

Fills a fresh store with N synthetic events (default 1,000,000) spread over 10,000 documents,
80 actor codes, the real CAMEO codes (with their PLOVER categories) and the years 1900-2025,
starts `kankei serve` on it in a separate process, and sends K requests (default 200) to each
endpoint pattern over HTTP, one at a time, with and without the explorer's filters (QuadClass,
root, PLOVER, minimum confidence). Prints p50/p95/max latency in milliseconds per pattern,
then the rate at which the CSV and JSONL exports stream (events per second, over HTTP).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

from kankei.extract.cameo import load_codebook
from kankei.store import Store

DOCS = 10_000
ACTORS = ["USA", "SUN", "RUS", "CHN", "JPN", "GBR", "FRA", "DEU", "IND", "PRK", "KOR", "UKR"]
ACTORS += [f"X{n:02d}" for n in range(80 - len(ACTORS))]
SENTENCE = "{y}年、両国の首脳は会談し、条約に署名した。"


def fill(db: Path, n_events: int) -> None:
    codes = [c for c in load_codebook()._codes.values() if len(c.code) == 3]
    with Store(db) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE actors AS SELECT unnest(?) AS code", [ACTORS])
        con.execute(
            "CREATE TEMP TABLE codes (k INTEGER, code VARCHAR, root VARCHAR, gs DOUBLE, q INT,"
            " plover VARCHAR)"
        )
        con.executemany(
            "INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?)",
            [[i, c.code, c.root, c.goldstein, c.quad_class, c.plover] for i, c in enumerate(codes)],
        )
        per_doc = n_events // DOCS
        sent_len = len(SENTENCE.format(y=1999)) + 1
        con.execute(
            """
            INSERT INTO documents
            SELECT printf('doc%05d', i), printf('/synthetic/%05d.txt', i),
                   printf('%05d.txt', i), 'txt', 'utf-8', printf('文書 %d', i), NULL, NULL,
                   ? * ?, ?, repeat(?, ?), now(), NULL
            FROM range(?) t(i)
            """,
            [per_doc, sent_len, per_doc, SENTENCE.format(y=1999) + "\n", per_doc, DOCS],
        )
        con.execute(
            """
            INSERT INTO sentences
            SELECT printf('doc%05d', d), s, s * ?, s * ? + ? - 1, ?, true, ?
            FROM range(?) a(d), range(?) b(s)
            """,
            [
                sent_len,
                sent_len,
                sent_len,
                SENTENCE.format(y=1999),
                SENTENCE.format(y=1999),
                DOCS,
                per_doc,
            ],
        )
        # a skewed choice of actors, as in real data: a few states in most events
        con.execute(
            """
            INSERT INTO events
            WITH r AS (
                SELECT i, i // ? AS d, i % ? AS s,
                       least(floor(pow(random(), 2.5) * 80), 79)::INT AS sa,
                       least(floor(pow(random(), 2.5) * 80), 79)::INT AS ta,
                       floor(random() * (SELECT count(*) FROM codes))::INT AS ci,
                       1900 + floor(random() * 126)::INT AS y,
                       1 + floor(random() * 12)::INT AS m
                FROM range(?) t(i)
            )
            SELECT printf('ev%08d', r.i), printf('doc%05d', d), s, s * ?, s * ? + ? - 1,
                   a1.code, a2.code, a1.code, a2.code, NULL, NULL,
                   c.code, c.root, c.gs, c.q, c.plover, '署名', s * ? + 15, s * ? + 17,
                   printf('%d-%02d', y, m), printf('%d年', y), 'month', 'explicit',
                   NULL, NULL, y, random() < 0.05, 'asserted',
                   round(0.5 + random() * 0.5, 2), 'synthetic', ['synthetic']
            FROM r
            JOIN (SELECT code, row_number() OVER () - 1 AS k FROM actors) a1 ON a1.k = r.sa
            JOIN (SELECT code, row_number() OVER () - 1 AS k FROM actors) a2
                 ON a2.k = CASE WHEN r.ta = r.sa THEN (r.ta + 1) % 80 ELSE r.ta END
            JOIN codes c ON c.k = r.ci
            """,
            [
                per_doc,
                per_doc,
                per_doc * DOCS,
                sent_len,
                sent_len,
                sent_len,
                sent_len,
                sent_len,
            ],
        )
        con.execute("CHECKPOINT")


ROOTS = [f"{n:02d}" for n in range(1, 21)]


def exports(client: httpx.Client, rng: random.Random, top: list[str], rounds: int) -> None:
    """Stream the events of dyads, and of everything, as CSV and JSONL; rate in events/s."""
    print(f"\n{'export':40} {'events':>9} {'seconds':>8} {'events/s':>10}")
    jobs = [
        (f"{fmt} (dyad {a},{b})", {"dyad": f"{a},{b}", "format": fmt})
        for fmt in ("csv", "jsonl")
        for a, b in (rng.sample(top[:4], 2) for _ in range(rounds))
    ]
    jobs += [(f"{fmt} (every event)", {"format": fmt}) for fmt in ("csv", "jsonl")]
    for name, params in jobs:
        t0 = time.perf_counter()
        lines = 0
        with client.stream("GET", "/api/events", params=params) as response:
            response.raise_for_status()
            for chunk in response.iter_text():
                lines += chunk.count("\n")
        seconds = time.perf_counter() - t0
        events = lines - (1 if params["format"] == "csv" else 0)
        print(f"{name:40} {events:9,} {seconds:8.2f} {events / seconds:10,.0f}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="keep the filled store at this path")
    parser.add_argument("--exports", type=int, default=2, help="dyad exports per format")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.keep or Path(tmp.name) / "scale.duckdb"
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    fill(db, args.events)
    with Store(db, read_only=True) as store:
        counts = store.counts()
    print(
        f"filled {counts['events']:,} events, {counts['documents']:,} documents, "
        f"{counts['sentences']:,} sentences in {time.perf_counter() - started:.1f} s "
        f"({db.stat().st_size / 1e6:.0f} MB)"
    )

    port = free_port()
    kankei = Path(sys.executable).with_name("kankei")
    server = subprocess.Popen(
        [str(kankei), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    rng = random.Random(7)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/meta").raise_for_status()
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            top = ACTORS[:12]

            def dyad() -> dict[str, str]:
                a, b = rng.sample(top, 2)
                return {"a": a, "b": b}

            patterns = {
                "series (dyad, by year)": lambda: ("/api/series", dyad()),
                "series (dyad, by month)": lambda: (
                    "/api/series",
                    {**dyad(), "by": "month"},
                ),
                "series (dyad, quad 3+4, confidence .7)": lambda: (
                    "/api/series",
                    {**dyad(), "quad": [3, 4], "min_confidence": 0.7},
                ),
                "series (dyad, by month, root + PLOVER)": lambda: (
                    "/api/series",
                    {**dyad(), "by": "month", "root": rng.choice(ROOTS), "plover": "ASSAULT"},
                ),
                "phases (dyad, quad 4)": lambda: ("/api/phases", {**dyad(), "quad": 4}),
                "overview (top 20 actors and dyads)": lambda: ("/api/overview", {"limit": 20}),
                "events (dyad, quad 4, first page)": lambda: (
                    "/api/events",
                    {"dyad": ",".join(dyad().values()), "quad": 4, "limit": 50},
                ),
                "events (dyad, first page)": lambda: (
                    "/api/events",
                    {"dyad": ",".join(dyad().values()), "limit": 50},
                ),
                "events (actor + years + root, page 5)": lambda: (
                    "/api/events",
                    {
                        "actor": rng.choice(top),
                        "from": (y := rng.randint(1900, 2000)),
                        "to": y + 20,
                        "root": f"{rng.randint(1, 20):02d}",
                        "limit": 50,
                        "offset": 200,
                    },
                ),
                "events (q= a word in every sentence)": lambda: (
                    "/api/events",
                    {"q": "署名", "limit": 50},
                ),
                "events (no filter, any page in the window)": lambda: (
                    "/api/events",
                    {"limit": 50, "offset": rng.randint(0, 4_950)},
                ),
            }
            print(f"{'pattern':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            for name, make in patterns.items():
                times = []
                for _ in range(args.requests):
                    path, params = make()
                    t0 = time.perf_counter()
                    client.get(path, params=params).raise_for_status()
                    times.append((time.perf_counter() - t0) * 1000)
                print(
                    f"{name:40} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f}"
                    f" {max(times):8.1f}"
                )
            exports(client, rng, top, args.exports)
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
