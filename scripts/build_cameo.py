"""Convert the CAMEO codebook and the CAMEO->PLOVER table into kankei's own data file.

Usage: python scripts/build_cameo.py ../shared/data src/kankei/data/cameo.csv

Only facts carry over: codes, names, Goldstein scores, roots and PLOVER mappings.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path


def quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("~"):
            break
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")] + ["", "", ""]
        if fields[0]:
            out.setdefault(m.group(1), (fields[0], fields[1], fields[2]))
    return out


def main(src: Path, dest: Path) -> None:
    plover = read_plover(src / "CAMEO2PLOVER-2021.txt")
    rows = []
    with (src / "cameo-codes.csv").open(encoding="utf-8", errors="replace", newline="") as f:
        for rec in csv.DictReader(f):
            code = rec["code"].strip()
            root = rec["root_code"].strip()
            mapped = plover.get(code) or plover.get(code[:3]) or plover.get(root) or ("", "", "")
            rows.append(
                {
                    "code": code,
                    "root": root,
                    "name": rec["name"].strip(),
                    "goldstein": rec["goldstein"].strip(),
                    "quad_class": quad_class(root),
                    "plover": mapped[0],
                    "plover_mode": mapped[1],
                    "plover_context": mapped[2],
                }
            )
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {dest}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
