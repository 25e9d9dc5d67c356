from desktop.core.pinyin import readings, unit_matches


def test_a_district_is_found_by_name_code_english_or_pinyin(units):
    wanzhou, changshou = units.find("500101"), units.find("500115")
    for query in ("万州", "500101", "wanzhou", "Wanzhou", "wz", "WZ", "wzq", " wan zhou "):
        assert unit_matches(wanzhou, query), query
    for query in ("zs", "zhangshou", "万州", "xyz"):
        assert not unit_matches(changshou, query), query
    assert unit_matches(changshou, "cs") and readings("长寿区") == ("csq", "changshouqu")
    assert unit_matches(wanzhou, "")
