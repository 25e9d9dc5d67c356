"""File → 切换用户…: the window closes and the login comes back, for the approver at the clerk's PC or anyone else;
the next person starts with nothing of the last one's. Cancelled, the program ends."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop.core.semester import Semester

from .keyboard import type_value
from .modals import Modals, close
from .test_deployment import log_in

H1 = Semester(2024, 1)


def offered(seen: list):
    """Logs in as the next answer does, after noting the user name the dialog offered."""

    def wrap(answer):
        def record(dialog):
            seen.append(dialog.user)
            answer(dialog)

        return record

    return wrap


def test_the_approver_signs_in_after_the_clerk_and_cannot_undo_the_clerks_edit(gui, qtbot):
    clerk_window = gui.window
    type_value(qtbot, clerk_window, "enf.penalties", "13")
    assert clerk_window.undo_action.isEnabled()
    names: list[str] = []
    Modals().run(gui.window.log_out_action.trigger, offered(names)(log_in("wanzhou_approver", "ecoreport")))
    qtbot.addWidget(gui.window)
    assert names == [""]  # nobody's name offered: the next person types their own
    assert gui.window is not clerk_window and not (isValid(clerk_window) and clerk_window.isVisible()) and gui.window.isVisible()
    assert gui.window.controller.user.name == "wanzhou_approver"
    assert not gui.window.undo_action.isEnabled()  # the clerk's edit is not theirs to undo
    unit = gui.context().units.find("500101")
    assert gui.context().store.unit_half(unit, H1).raw["enf.penalties"] == Decimal("13")  # and it was kept


def test_a_reviewer_signing_in_gets_the_reviewers_window(gui, qtbot):
    from desktop.ui.review.window import ReviewerWindow

    Modals().run(gui.window.log_out_action.trigger, log_in("reviewer", "ecoreport"))
    qtbot.addWidget(gui.window)
    assert isinstance(gui.window, ReviewerWindow) and gui.window.controller.user.name == "reviewer"
    Modals().run(gui.window.log_out_action.trigger, log_in("wanzhou", "ecoreport"))  # and back again
    qtbot.addWidget(gui.window)
    assert not isinstance(gui.window, ReviewerWindow) and gui.window.controller.user.name == "wanzhou"


def test_cancelling_the_login_ends_the_program(gui, monkeypatch):
    ended: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: ended.append(True)))
    window = gui.window
    Modals().run(gui.window.log_out_action.trigger, close())
    assert ended == [True] and not window.isVisible()
