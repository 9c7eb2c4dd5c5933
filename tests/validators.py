"""The real validators from ../shared/schemas: the NewsML-G2 2.35 and 2.36 XSDs (by libxml2, and by
xmlschema, which also checks XHTML content against XHTML 1.0), IPTC's catalog, the ninjs schema."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
from lxml import etree
from referencing import Registry, Resource

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
# Attributes holding QCodes, as the shared check_qcodes.py reads them.
QCODE_ATTRIBUTES = {"qcode", "role", "type", "rel", "jobtitle", "rendition", "mode", "why", "how", "creator"}
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False)


NEWSML_VERSIONS = ("2.35", "2.36")


@functools.cache
def newsml_schema(schemas: Path, version: str = "2.36") -> etree.XMLSchema:
    path = schemas / "newsml-g2" / f"NewsML-G2_{version}-spec-All-Power.xsd"
    return etree.XMLSchema(etree.parse(str(path), _PARSER))


@functools.cache
def newsml_xmlschema(schemas: Path) -> Any:
    """The 2.36 XSD in xmlschema, a second validator independent of libxml2."""
    import xmlschema

    return xmlschema.XMLSchema(str(schemas / "newsml-g2" / "NewsML-G2_2.36-spec-All-Power.xsd"))


def newsml_xmlschema_errors(schemas: Path, data: bytes) -> list[str]:
    """What xmlschema finds wrong (it validates XHTML in ``inlineXML`` laxly against XHTML 1.0)."""
    return [
        str(error).splitlines()[0] + " " + (error.reason or "")
        for error in newsml_xmlschema(schemas).iter_errors(data.decode("utf-8"))
    ]


@functools.cache
def iptc_aliases(schemas: Path) -> frozenset[str]:
    catalog = etree.parse(str(schemas / "newsml-g2" / "catalog.IPTC-G2-Standards_41.xml"), _PARSER)
    return frozenset(scheme.get("alias") for scheme in catalog.getroot().iter(NAR + "scheme"))


def newsml_errors(schemas: Path, data: bytes) -> list[str]:
    """XSD errors of a NewsML-G2 document, plus every QCode alias it uses but does not declare."""
    document = etree.fromstring(data, _PARSER)
    errors = []
    for version in NEWSML_VERSIONS:
        schema = newsml_schema(schemas, version)
        errors += [] if schema.validate(document) else [f"{version}: {error}" for error in schema.error_log]
    for item in document.iter(NAR + "newsItem", NAR + "packageItem"):
        declared = iptc_aliases(schemas) | {scheme.get("alias") for scheme in item.iter(NAR + "scheme")}
        for element in item.iter():
            if not isinstance(element.tag, str) or not element.tag.startswith(NAR):
                continue
            for name, value in element.attrib.items():
                if name in QCODE_ATTRIBUTES:
                    for token in value.split():
                        if ":" in token and not token.startswith(("http:", "https:", "urn:")):
                            alias = token.split(":", 1)[0]
                            if alias not in declared:
                                errors.append(f"{item.get('guid')}: alias {alias!r} is not declared")
    return errors


@functools.cache
def ninjs_validator(schemas: Path, version: str = "3.2") -> Any:
    folder = schemas / "ninjs"
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def ninjs_errors(schemas: Path, data: bytes) -> list[str]:
    """Schema errors of a ninjs document against the version it claims, formats (uri, date-time) checked."""
    document = json.loads(data)
    version = (document.get("standard") or document.get("$standard") or {}).get("version", "3.2")
    return [f"{list(e.path)}: {e.message}" for e in ninjs_validator(schemas, version).iter_errors(document)]
