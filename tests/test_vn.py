"""Vietnamese order, names, numbers and dates."""

from __future__ import annotations

from site_gen.vn import format_date, format_decimal, format_int, name_key, sort_key


def test_letters_in_vietnamese_order() -> None:
    words = ["Zô", "Đông", "Dương", "Ánh", "Anh", "Ăn", "Âm", "Bình", "ưu", "uy", "Ơn", "Ô", "Oa", "Ên", "En"]
    assert sorted(words, key=sort_key) == [
        "Anh",
        "Ánh",
        "Ăn",
        "Âm",
        "Bình",
        "Dương",
        "Đông",
        "En",
        "Ên",
        "Oa",
        "Ô",
        "Ơn",
        "uy",
        "ưu",
        "Zô",
    ]


def test_tones_after_letters() -> None:
    assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_same_letters_in_both_unicode_forms() -> None:
    assert sort_key("Nguyễn")[:3] == sort_key("Nguye\u0302\u0303n")[:3]


def test_people_by_given_name_then_middle_then_family() -> None:
    people = ["Nguyễn Văn Bình", "Trần Thị An", "Lê An", "Phạm Văn An", "Đỗ Đức"]
    assert sorted(people, key=name_key) == ["Lê An", "Trần Thị An", "Phạm Văn An", "Nguyễn Văn Bình", "Đỗ Đức"]


def test_numbers_and_dates() -> None:
    assert format_int(1785) == "1.785"
    assert format_decimal(61.5714) == "61,57"
    assert format_decimal(1234.5) == "1.234,50"
    assert format_date("2023-02-15") == "15/02/2023"
