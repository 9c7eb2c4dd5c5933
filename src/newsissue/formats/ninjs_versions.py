"""ninjs for the readers of older versions: 2.2 and 1.6 made from the 3.x document.

* **2.2** has the structure of 3.x with lower-case names (``altids``, ``infosources``,
  ``versioncreated``, ``contenttype`` …); its associations take no ``rel`` (a page is its
  ``type: composite``, a continuation its ``representationtype: partial``).
* **1.6** is flat: ``headline`` (the main one; ``headline_kicker``, ``headline_subhead``), ``byline``,
  ``located``, ``description_dateline``, ``body_html`` and ``body_text``, ``altids`` as an
  object, ``person`` for the bylines,
  and ``associations`` as an object keyed by name (``p01``, ``p01_03``). Time stamps are given in
  UTC (``…Z``), which 1.x readers such as Superdesk's ingest parse.

In 2.2 pages and their articles stay :class:`~newsissue.formats.jsonstream.Lazy` (a large issue is
written piece by piece); a 1.6 document is made whole, its associations being an object.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .jsonstream import Lazy

__all__ = ["VERSIONS", "standard", "to_version"]

#: The versions the exporter writes.
VERSIONS = ("1.6", "2.2", "3.1", "3.2")

_LOWER = {
    "altIds": "altids",
    "infoSources": "infosources",
    "versionCreated": "versioncreated",
    "contentCreated": "contentcreated",
    "firstCreated": "firstcreated",
    "pubStatus": "pubstatus",
    "representationType": "representationtype",
    "copyrightHolder": "copyrightholder",
    "copyrightNotice": "copyrightnotice",
    "contentType": "contenttype",
}


def standard(version: str) -> dict[str, str]:
    """The ``standard`` object a document of this version carries."""
    return {
        "name": "ninjs",
        "version": version,
        "schema": f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json#",
    }


def to_version(document: dict[str, Any], version: str) -> dict[str, Any]:
    """The 3.x ``document`` as ninjs ``version`` (3.x: itself, with its ``standard``)."""
    if version.startswith("3."):
        return {**document, "standard": standard(version)}
    if version == "2.2":
        return {**_lower(document), "standard": standard(version)}
    return {"$standard": standard(version), **_flat(document)}


def _lower(value: Any) -> Any:
    if isinstance(value, Lazy):
        shape = value.shape
        return Lazy(value.items, lambda item: _lower(shape(item)))
    if isinstance(value, list):
        return [_lower(member) for member in value]
    if isinstance(value, dict):
        return {_LOWER.get(key, key): _lower(member) for key, member in value.items() if key != "rel"}
    return value


def _utc(stamp: str) -> str:
    return _dt.datetime.fromisoformat(stamp).astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key(name: str) -> str:
    return name.replace("-", "_")


def _flat(document: dict[str, Any]) -> dict[str, Any]:
    """One ninjs 3.x object (an issue, page, article or continuation) as ninjs 1.6."""
    flat: dict[str, Any] = {"uri": document["uri"], "type": document["type"]}
    if document.get("rel") == "continuation":
        # 1.x readers take the uri for the item's own id: a continuation gets the id of where it is
        # printed (``…:p02-01``, as the story's is made), and names its story in ``altids``.
        flat["uri"] = f"{document['uri'].rpartition(':')[0]}:{document['name']}"
    for key in ("profile", "version", "language", "title", "slugline", "located"):
        if key in document:
            flat[key] = document[key]
    for key in ("versionCreated", "contentCreated"):
        if key in document:
            flat[_LOWER[key]] = _utc(document[key])
    for key in ("pubStatus", "copyrightHolder", "copyrightNotice"):
        if key in document:
            flat[_LOWER[key]] = document[key]
    if "representationType" in document:
        flat["representationtype"] = "complete" if document["representationType"] == "full" else "incomplete"
    headlines = {headline.get("role"): headline["value"] for headline in document.get("headlines", ())}
    if "main" in headlines:
        flat["headline"] = headlines["main"]
    for role in ("kicker", "subhead"):
        if role in headlines:
            flat[f"headline_{role}"] = headlines[role]
    if "by" in document:
        flat["byline"] = document["by"]
    people = [source for source in document.get("infoSources", ()) if "literal" in source]
    if people:
        flat["person"] = [{"name": source["name"], "rel": source["literal"]} for source in people]
    for description in document.get("descriptions", ()):
        flat[f"description_{description['role']}"] = description["value"]
    for body in document.get("bodies", ()):
        flat["body_html" if body["contentType"] == "text/html" else "body_text"] = body["value"]
    alt_ids: dict[str, str] = {}
    for alt_id in document.get("altIds", ()):  # one value a role: repeated roles are joined
        alt_ids[alt_id["role"]] = (
            f"{alt_ids[alt_id['role']]} {alt_id['value']}" if alt_id["role"] in alt_ids else alt_id["value"]
        )
    if document.get("rel") == "continuation":
        alt_ids["story"] = document["uri"]
    if alt_ids:
        flat["altids"] = alt_ids
    associations = document.get("associations")
    if isinstance(associations, Lazy):  # an object in 1.6, not a list: made whole
        associations = [associations.shape(item) for item in associations.items]
    if associations:
        flat["associations"] = {_key(member["name"]): _flat(member) for member in associations}
    return flat
