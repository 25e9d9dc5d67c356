"""The hidden sheet that identifies a workbook: kind, unit, half, catalog version, id, fingerprint."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop import __version__

META_SHEET = "_ecoreport"
KINDS = ("template", "submission", "review", "consolidation")


def head_text(head: dict | None) -> str:
    """The audit chain's signed head of the installation that wrote the file: the receiver keeps a copy."""
    import json

    return json.dumps(head, separators=(",", ":")) if head else ""


def heads_text(heads: list[dict]) -> str:
    import json

    return json.dumps(heads, separators=(",", ":")) if heads else ""


def exported_text(database: str, values: dict, explanations: dict[str, str]) -> str:
    """What a template was filled in from, and in which database (each value as stored, each explanation's digest: a
    cell holds at most 32,767 characters): its import there tells a cell the clerk changed from one left as it was
    while the program moved on."""
    import json

    from desktop.core.values import to_storage

    return json.dumps({"database": database, "values": {code: to_storage(v) for code, v in values.items() if v is not None},
                       "explanations": {code: note_digest(t) for code, t in explanations.items() if t}},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # fmt: skip


def exported_from(meta: dict[str, str], database: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """The values and explanation digests a template was filled in from, if it was exported from `database`; None for
    another's, or one made before templates said."""
    import json

    try:
        data = json.loads(meta.get("exported") or "null")
        values, notes = data["values"], data["explanations"]
    except (ValueError, TypeError, KeyError):
        return None
    if not (isinstance(values, dict) and isinstance(notes, dict)) or not database or data.get("database") != database:
        return None
    return {str(k): str(v) for k, v in values.items()}, {str(k): str(v) for k, v in notes.items()}


def note_digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


CHUNK = 30000  # characters per meta cell (Excel holds at most 32,767)
MAX_CHUNKS = 60  # what a reader joins at most: a hostile count reads no further


def chunked(name: str, text: str) -> dict[str, str]:
    """A long field over as many cells as it takes: `name_parts`, then `name.0`, `name.1`, …"""
    fields = {f"{name}_parts": str(-(-len(text) // CHUNK))}
    for i in range(0, len(text), CHUNK):
        fields[f"{name}.{i // CHUNK}"] = text[i : i + CHUNK]
    return fields


def unchunked(meta: dict[str, str], name: str) -> str:
    """The long field `chunked` wrote; "" when the file has none."""
    parts = meta.get(f"{name}_parts") or "0"
    return "".join(meta.get(f"{name}.{i}", "") for i in range(min(int(parts), MAX_CHUNKS))) if parts.isdigit() else ""


def write_meta(wb, **fields: str) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"  # not offered by Excel's "Unhide" menu
    data = {
        "app": "EcoReport",
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    data.update(fields)
    for i, (key, value) in enumerate(data.items(), start=1):
        ws.cell(i, 1, key)
        ws.cell(i, 2, str(value)).data_type = "s"
