from desktop.core.outliers import outliers, robust_scores


def test_a_planted_outlier_is_flagged_and_the_others_are_not():
    values = {f"5001{i:02d}": 30 + (i % 7) for i in range(38)}
    values["500143"] = 300  # a typo: one zero too many
    flagged = outliers("air.pm25", values)
    assert set(flagged) == {"500143"}
    assert flagged["500143"].score > 3.5 and 30 <= flagged["500143"].median <= 36


def test_one_wild_value_does_not_hide_another():
    values = {f"u{i}": 10.0 for i in range(20)} | {f"v{i}": 11.0 for i in range(18)} | {"a": 1000.0, "b": 60.0}
    assert set(outliers("x", values)) == {"a", "b"}


def test_no_spread_or_too_few_values_flag_nothing():
    assert outliers("x", {f"u{i}": 5 for i in range(38)}) == {}
    assert outliers("x", {"a": 1, "b": 100}) == {}
    assert robust_scores({"a": None, "b": "Ⅱ"})[2] == {}
