"""Source-consistency checker for news writing.

load(paths)               files and folders -> LoadResult(articles, diagnostics)
extract(text, published)  text -> claims
"""

from __future__ import annotations

from checker.extract import extract, extract_article
from checker.load import LoadResult, load

__all__ = ["LoadResult", "extract", "extract_article", "load"]
__version__ = "0.1.0"
