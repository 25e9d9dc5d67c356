"""Who is signed in, said in the window's title: one PC serves a clerk and an approver in turn (文件 → 切换用户), and
each must see whose name an edit or a sign-off will be recorded under."""

from __future__ import annotations

from desktop.core.vocabulary import role_name


def signed_in_title(base: str, user, lang: str) -> str:
    """`base` — 万州区填报员（wanzhou，填报人）: the full name, the user name it signs in with, the role."""
    role = role_name(user.role)(lang)
    shown = user.display_name or user.name
    if lang == "zh":
        return f"{base} — {shown}（{user.name}，{role}）" if shown != user.name else f"{base} — {user.name}（{role}）"
    return f"{base} — {shown} ({user.name}, {role})" if shown != user.name else f"{base} — {user.name} ({role})"
