"""Archive issues: what a folder or file list holds (an NDNP batch, a METS or DIDL issue, layout
pages) read into evidence (:mod:`.files`), and the issue built from it (:mod:`.issue`): each page
segmented from its lines' geometry (:mod:`.pages`), every item and body block told where it was
printed (:mod:`.regions`), continuations across pages joined; or, where the archive has its own
article map and the caller trusts it, the archive's items (:mod:`.structure`).
"""

from __future__ import annotations

from .files import read_archive
from .issue import build_issue

__all__ = ["build_issue", "read_archive"]
