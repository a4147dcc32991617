"""Files the explorer and the report are made of: ours under static/, plotly.js from the
plotly Python package (no CDN: pages work with no network)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from kankei.errors import KankeiError, NotFound

STATIC = Path(str(resources.files("kankei").joinpath("serve", "static")))


class AssetMissing(KankeiError):
    """A file the web page needs is missing; reinstall kankei."""


def plotly_js() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise AssetMissing("plotly.min.js is not in the plotly package", path=str(path))
    return path


# plotly's own hosts: its cloud ("send data to cloud", the default plotlyServerURL), its CDN
# (map outlines), its logo's link and the help links of its error messages
_PLOTLY_HOSTS = re.compile(r"https?://[\w.-]*(?:plot\.ly|plotly\.com)[\w./-]*")


@cache
def offline_plotly_js() -> str:
    """plotly.js with every address of plotly's own hosts blanked, so that no control of the
    chart (the cloud button, the logo) can lead the reader's browser there."""
    return _PLOTLY_HOSTS.sub("", plotly_js().read_text(encoding="utf-8"))


DOCS_ASSETS = frozenset(
    {"swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png"}
)


def docs_asset(name: str) -> Path:
    """Swagger UI's and Redoc's files, from the fastapi-offline package (no CDN)."""
    if name not in DOCS_ASSETS:
        raise NotFound(f"no documentation asset {name!r}")
    import fastapi_offline

    path = Path(fastapi_offline.__file__).parent / "static" / name
    if not path.is_file():
        raise AssetMissing(f"{name} is not in the fastapi-offline package", path=str(path))
    return path
