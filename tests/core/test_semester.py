from datetime import date

import pytest

from desktop.core.semester import Semester
from desktop.core.text import UserError


def test_days_in_each_half_follow_leap_years():
    assert Semester.parse("2024H1").days == 182  # 2024 is a leap year
    assert Semester.parse("2024H2").days == 184
    assert Semester.parse("2023H1").days == 181
    assert Semester.parse("2000H1").days == 182  # divisible by 400: leap
    assert Semester.parse("1900H1").days == 181  # divisible by 100 only: not leap


def test_neighbours_for_year_on_year_and_previous_half():
    h = Semester.parse("2024H1")
    assert h.previous() == Semester(2023, 2)
    assert h.same_last_year() == Semester(2023, 1)
    assert Semester(2024, 2).previous() == h
    assert h.next() == Semester(2024, 2)
    assert h.back(3) == [Semester(2023, 1), Semester(2023, 2), h]
    assert (h.start, h.end) == (date(2024, 1, 1), date(2024, 6, 30))


@pytest.mark.parametrize("text", ["2024H1", "2024h1", " 2024 H1 ", "2024上半年", "2024年上半年"])
def test_accepts_common_spellings(text):
    assert Semester.parse(text) == Semester(2024, 1)


@pytest.mark.parametrize("text", ["2024H3", "2024", "H1", "24H1", "", "2024-06"])
def test_refuses_malformed_halves_with_a_message_in_both_languages(text):
    with pytest.raises(UserError) as info:
        Semester.parse(text)
    assert "2024H1" in info.value.message("zh") and "2024H1" in info.value.message("en")


def test_labels():
    assert Semester(2024, 1).label("zh") == "2024年上半年"
    assert Semester(2024, 2).label("en") == "2024 H2"
    assert str(Semester(2024, 2)) == "2024H2"


def test_targets_can_be_set_from_the_current_half_to_two_years_ahead_whatever_the_database_holds():
    fresh = Semester.settable(date(2026, 11, 25), [])
    assert [str(s) for s in fresh] == ["2028H2", "2028H1", "2027H2", "2027H1", "2026H2", "2026H1"]
    with_data = Semester.settable(date(2025, 3, 1), [Semester(2023, 1), Semester(2024, 1)])
    assert [str(s) for s in with_data][:6] == ["2027H1", "2026H2", "2026H1", "2025H2", "2025H1", "2024H2"]
    assert Semester(2024, 2) in with_data and Semester(2023, 1) in with_data  # after the latest known; known ones
