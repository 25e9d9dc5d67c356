"""What a signed file's identity sheet claims: the sign-off its signature is checked against, the checks the
district's installation ran, when the bureau took the decision a review file brings. Each read whole or not at all."""

from __future__ import annotations

from desktop.exchange.meta import unchunked
from desktop.exchange.reader import ImportedBook
from desktop.store.sign_off import SignOff


def decided_at(book: ImportedBook):
    """When the bureau took the decision a review file brings (files from before carry none: the import's time is
    used); a time not aware of its zone, or later than now, is not believed."""
    from datetime import UTC, datetime

    try:
        at = datetime.fromisoformat(book.meta.get("decided_at") or "")
    except ValueError:
        return None
    return at if at.tzinfo is not None and at <= datetime.now(UTC) else None


SEVERITIES = ("error", "warning", "notice")


def signed_checks(book: ImportedBook, catalog) -> list[dict]:
    """The checks the district's installation ran on the version, as its file carries them (none from an older
    file): each kept only whole and about indicators of the catalog, its words cut at 500 characters."""
    import json

    try:
        found = json.loads(unchunked(book.meta, "checks") or "[]")
    except ValueError:
        return []
    out = []
    for item in found[:2000] if isinstance(found, list) else []:
        if not isinstance(item, dict) or item.get("severity") not in SEVERITIES:
            continue
        codes = item.get("codes")
        if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and c in catalog.indicators for c in codes):
            continue
        words = [item.get(k) for k in ("rule", "kind", "zh", "en")]
        if not all(isinstance(w, str) for w in words):
            continue
        out.append({"rule": words[0][:200], "kind": words[1][:40], "severity": item["severity"], "codes": codes,
                    "zh": words[2][:500], "en": words[3][:500], "explained": item.get("explained") is True})  # fmt: skip
    return out


def sign_off_of(book: ImportedBook) -> SignOff:
    """The sign-off a submission workbook claims; its signature is checked against exactly these fields."""
    from desktop.store import keys

    meta = book.meta
    changelog = unchunked(meta, "changelog")
    public = meta.get("public_key", "")
    try:
        print_ = keys.fingerprint(public) if public else ""
    except ValueError:
        print_ = ""
    return SignOff(int(meta.get("version") or 0), meta.get("fingerprint", ""), meta.get("prepared_by", ""),
                   meta.get("signed_by", ""), meta.get("people", ""), changelog,
                   keys.Signature(meta.get("signature", ""), public, print_))  # fmt: skip
