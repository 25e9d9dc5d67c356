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
