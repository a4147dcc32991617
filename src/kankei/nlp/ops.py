"""Matrix products through numpy's BLAS instead of thinc's bundled blis.

ja_ginza's tok2vec (a maxout CNN, width 256, depth 8) is almost all of the parse time, and it
is almost all matrix products. numpy ships OpenBLAS, which on this project's machines runs those
products 2-4 times as fast as blis. The model, its weights and the arithmetic are the same; only
the library computing the products changes.
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps


class BlasOps(NumpyOps):
    """NumpyOps whose gemm is numpy.matmul (OpenBLAS)."""

    name = "kankei-blas"

    def gemm(  # type: ignore[override]
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out
