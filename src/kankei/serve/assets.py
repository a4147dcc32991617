"""Files the explorer and the report are made of: ours under static/, plotly.js from the
plotly Python package (no CDN: pages work with no network)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kankei.errors import KankeiError

STATIC = Path(str(resources.files("kankei").joinpath("serve", "static")))


class AssetMissing(KankeiError):
    """A file the web page needs is missing; reinstall kankei."""


def plotly_js() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise AssetMissing("plotly.min.js is not in the plotly package", path=str(path))
    return path
