"""Charts drawn as SVG at build time: well-formed, accessible, self-contained, deterministic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import pairwise

import markdown  # type: ignore[import-untyped,unused-ignore]
import pytest

from site_gen.site import charts
from site_gen.site.charts import (
    AXIS_COLOUR,
    BAR_COLOUR,
    SERIES_COLOURS,
    STRONG_TEXT_COLOUR,
    TEXT_COLOUR,
    WARNING_COLOUR,
    bar_chart,
    days_per_month,
    distribution,
    histogram_bins,
    stacked_bars,
    text_alternative,
)

NS = "{http://www.w3.org/2000/svg}"
CLASSIFICATIONS = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
]
NASTY = "Ban TNCN & <ĐT>"
MONTH_DAYS = [3, 5, 12, 8, 0, 6, 7, 0, 9, 10, 11, 4]
CADRE_DAYS = [5, 15, 15, 59, 60, 61, 75, 120, 64, 65]

SAMPLES: dict[str, Callable[[], str]] = {
    "bars": lambda: bar_chart(
        "ban",
        "Trung bình số ngày theo ban",
        "Trung bình số ngày đi cơ sở của mỗi ban.",
        [(NASTY, 61.57), ("Văn phòng", 55), ("Ban Tuyên giáo và Đoàn kết tập hợp thanh niên", 72.25), ("Ban Kiểm tra", 40)],
        unit="ngày",
        highlight=60,
    ),
    "many-bars": lambda: bar_chart("nhieu", "Nhiều huyện", "", [(f"Huyện số {i}", i * 1234) for i in range(30)]),
    "single-bar": lambda: bar_chart("mot", "Một cột", "", [("A", 1785)]),
    "empty-bars": lambda: bar_chart("trong", "Trống", "Không có gì.", []),
    "months": lambda: days_per_month("thang", MONTH_DAYS),
    "months-zero": lambda: days_per_month("thang-0", [0] * 12),
    "distribution": lambda: distribution("phan-bo", CADRE_DAYS, 60),
    "distribution-65": lambda: distribution("phan-bo-65", CADRE_DAYS, 65),
    "distribution-wide": lambda: distribution("phan-bo-rong", [0, 365, *CADRE_DAYS], 60),
    "distribution-empty": lambda: distribution("phan-bo-trong", [], 60),
    "stacked": lambda: stacked_bars(
        "xep-loai",
        "Xếp loại theo khu vực",
        "Số cơ sở đoàn theo xếp loại.",
        [
            ("Khu vực thành thị", [5, 12, 8, 1]),
            ("Khu vực nông thôn", [3, 20, 15, 4]),
            (NASTY, [1, 6, 9, 3]),
            ("Khu vực miền núi, vùng đồng bào dân tộc thiểu số rất dài", [0, 0, 0, 0]),
        ],
        CLASSIFICATIONS,
    ),
    "stacked-empty": lambda: stacked_bars("xep-loai-trong", "Xếp loại theo khu vực", "", [], CLASSIFICATIONS),
}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [el for el in root.iter(f"{NS}{tag}") if cls in (el.get("class") or "").split()]


def child(el: ET.Element, tag: str) -> ET.Element:
    found = el.find(f"{NS}{tag}")
    assert found is not None, tag
    return found


def child_text(el: ET.Element, tag: str) -> str:
    return child(el, tag).text or ""


def all_text(el: ET.Element) -> str:
    return "".join(el.itertext())


def visible_texts(root: ET.Element) -> list[str]:
    return [all_text(el) for el in root.iter(f"{NS}text")]


def hex_luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    rgb = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((hex_luminance(a), hex_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def view_box(root: ET.Element) -> tuple[float, float]:
    x, y, width, height = (float(part) for part in root.get("viewBox", "").split())
    assert (x, y) == (0, 0)
    return width, height


# --------------------------------------------------------------------------- every chart


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_root_is_labelled_scalable_svg(name: str) -> None:
    svg = SAMPLES[name]()
    root = parse(svg)
    ident = child(root, "title").get("id", "").removesuffix("-title")
    assert ident
    assert root.tag == f"{NS}svg"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="')
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{ident}-title {ident}-desc"
    assert root.get("class") == "bieu-do"
    assert root.get("font-family") == "system-ui, sans-serif"
    assert root.get("width") is None and root.get("height") is None
    assert "width:100%" in (root.get("style") or "")
    width, height = view_box(root)
    assert width > 0 and height > 0
    # title and desc are the first children, with the ids the label refers to
    title, desc = list(root)[:2]
    assert title.tag == f"{NS}title" and title.get("id") == f"{ident}-title" and (title.text or "").strip()
    assert desc.tag == f"{NS}desc" and desc.get("id") == f"{ident}-desc" and (desc.text or "").strip()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids == [f"{ident}-title", f"{ident}-desc"]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_self_contained(name: str) -> None:
    svg = SAMPLES[name]()
    assert re.findall(r"https?://[^\s\"'<>]*", svg) == ["http://www.w3.org/2000/svg"]
    lowered = svg.lower()
    for forbidden in ("<script", "href", "<image", "@import", "<style", "url(", "<foreignobject", "javascript:"):
        assert forbidden not in lowered
    # no blank line: Markdown would end the raw HTML block there
    assert "\n\n" not in svg
    assert not any(line.startswith((" ", "\t")) for line in svg.splitlines())


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_deterministic(name: str) -> None:
    assert SAMPLES[name]() == SAMPLES[name]()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_geometry_inside_view_box(name: str) -> None:
    root = parse(SAMPLES[name]())
    width, height = view_box(root)
    for el in root.iter():
        for axis, limit in (("x", width), ("y", height), ("x1", width), ("x2", width), ("y1", height), ("y2", height)):
            if el.get(axis) is not None:
                assert -0.01 <= float(el.get(axis, "")) <= limit + 0.01, (el.tag, axis, el.get(axis))
        if el.tag == f"{NS}rect":
            assert float(el.get("width", "0")) >= 0 and float(el.get("height", "0")) >= 0
            assert float(el.get("x", "0")) + float(el.get("width", "0")) <= width + 0.01
            assert float(el.get("y", "0")) + float(el.get("height", "0")) <= height + 0.01


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_colours_have_contrast_against_white(name: str) -> None:
    root = parse(SAMPLES[name]())
    for group in root.iter():
        children = list(group)
        for index, el in enumerate(children):
            fill = el.get("fill")
            if el.tag == f"{NS}text":
                assert fill, all_text(el)
                if "nhan-trong" in (el.get("class") or ""):
                    # a count written inside its segment: against that segment's colour
                    segment = children[index - 1]
                    assert segment.tag == f"{NS}rect"
                    assert contrast(fill, segment.get("fill", "")) >= 4.5
                else:
                    assert contrast(fill, "#ffffff") >= 4.5, (fill, all_text(el))
            elif (el.tag == f"{NS}rect" and el.get("class") in ("cot", "doan")) or (
                el.tag == f"{NS}rect" and group.get("class") == "chu-giai"
            ):
                assert contrast(fill or "", "#ffffff") >= 3, fill
    # the background is painted, so a dark page theme does not change the contrast
    assert by_class(root, "rect", "nen")[0].get("fill") == "#ffffff"


def test_palette_contrast() -> None:
    for colour in (TEXT_COLOUR, STRONG_TEXT_COLOUR, AXIS_COLOUR):
        assert contrast(colour, "#ffffff") >= 4.5
    for colour in (BAR_COLOUR, WARNING_COLOUR, *SERIES_COLOURS):
        assert contrast(colour, "#ffffff") >= 3
        assert contrast(charts.text_colour_on(colour), colour) >= 4.5
    assert len(set(SERIES_COLOURS)) == len(SERIES_COLOURS)
    assert round(contrast(TEXT_COLOUR, "#ffffff"), 1) == pytest.approx(round(charts.contrast_ratio(TEXT_COLOUR, "#fff"), 1))


# --------------------------------------------------------------------------- bar_chart and days_per_month


def test_one_bar_per_datum() -> None:
    for count in (1, 2, 7, 30):
        root = parse(bar_chart("c", "T", "", [(f"m{i}", i) for i in range(count)]))
        assert len(by_class(root, "rect", "cot")) == count
        assert len(by_class(root, "g", "nhom-cot")) == count
    root = parse(days_per_month("thang", MONTH_DAYS))
    bars = by_class(root, "rect", "cot")
    assert len(bars) == 12
    heights = [float(bar.get("height", "")) for bar in bars]
    # heights follow the values; zero stays zero
    assert [h / max(heights) for h in heights] == pytest.approx([d / max(MONTH_DAYS) for d in MONTH_DAYS], abs=1e-3)
    labels = [all_text(el) for el in by_class(root, "text", "nhan")]
    assert labels == [f"Th{i}" for i in range(1, 13)]
    assert [all_text(el) for el in by_class(root, "text", "gia-tri")] == [str(d) for d in MONTH_DAYS]
    assert child_text(root, "title") == "Số ngày đi cơ sở theo tháng"


def test_days_per_month_description_states_the_numbers() -> None:
    text = child_text(parse(days_per_month("thang", [120, 5, 12, 8, 0, 6, 7, 0, 9, 10, 1800, 4])), "desc")
    assert "Tổng cả năm: 1.981 ngày" in text
    assert "Nhiều nhất: tháng 11 (1.800 ngày)" in text
    assert "Ít nhất: tháng 5 và tháng 8 (0 ngày)" in text
    assert "2 tháng không có ngày nào" in text
    assert "165,08 ngày" in text  # the monthly mean, Vietnamese decimal comma


def test_days_per_month_needs_twelve_values() -> None:
    with pytest.raises(ValueError):
        days_per_month("thang", [1, 2, 3])
    with pytest.raises(ValueError):
        days_per_month("thang", [1] * 11 + [-1])


def test_bar_description_and_value_labels() -> None:
    root = parse(SAMPLES["bars"]())
    desc = child_text(root, "desc")
    assert desc.startswith("Trung bình số ngày đi cơ sở của mỗi ban.")
    assert "4 cột" in desc
    assert "Cao nhất: Ban Tuyên giáo và Đoàn kết tập hợp thanh niên (72,25 ngày)" in desc
    assert "Thấp nhất: Ban Kiểm tra (40 ngày)" in desc
    assert "2 cột thấp hơn mức này" in desc
    assert [all_text(el) for el in by_class(root, "text", "gia-tri")] == ["61,57", "55", "72,25", "40"]
    assert "Đơn vị: ngày" in visible_texts(root)


def test_highlight_line_is_dashed_labelled_and_placed() -> None:
    root = parse(SAMPLES["bars"]())
    group = by_class(root, "g", "muc-chuan")[0]
    line = group.find(f"{NS}line")
    assert line is not None and line.get("stroke-dasharray")
    assert line.get("y1") == line.get("y2")
    assert "Mức 60 ngày" in [all_text(el) for el in group.iter(f"{NS}text")]
    # 60 sits between the bar of 55 and the top of the bar of 61,57
    bars = by_class(root, "rect", "cot")
    base = float(bars[0].get("y", "")) + float(bars[0].get("height", ""))
    y = float(line.get("y1", ""))
    height_of = {55: float(bars[1].get("height", "")), 61.57: float(bars[0].get("height", ""))}
    assert base - height_of[61.57] < y < base - height_of[55]
    assert base - y == pytest.approx(height_of[55] * 60 / 55, abs=0.05)
    assert not by_class(parse(bar_chart("k", "T", "", [("a", 1)])), "g", "muc-chuan")


def test_highlight_above_all_bars_stays_on_the_axis() -> None:
    root = parse(bar_chart("k", "T", "", [("a", 10), ("b", 20)], highlight=60))
    ticks = [all_text(el) for el in by_class(root, "g", "truc-doc")[0].iter(f"{NS}text")]
    assert int(ticks[-1].replace(".", "")) >= 60


@pytest.mark.parametrize(
    ("top", "axis_max"),
    [(1, 1), (7, 8), (12, 15), (35, 40), (99, 100), (1785, 2000), (35786, 40000), (250000, 300000), (0.3, 0.3)],
)
def test_round_axis_with_four_or_five_gridlines(top: float, axis_max: float) -> None:
    root = parse(bar_chart("k", "T", "", [("a", top / 3), ("b", top)]))
    axis = by_class(root, "g", "truc-doc")[0]
    lines = axis.findall(f"{NS}line")
    labels = [all_text(el) for el in axis.findall(f"{NS}text")]
    assert labels[0] == "0"
    assert float(labels[-1].replace(".", "").replace(",", ".")) == axis_max
    if top >= 4:
        assert 4 <= len(lines) <= 5
    # the tallest bar never overflows the axis
    bars = by_class(root, "rect", "cot")
    assert min(float(b.get("y", "")) for b in bars) >= float(lines[-1].get("y1", "")) - 0.01


def test_large_values_are_formatted() -> None:
    root = parse(bar_chart("k", "T", "", [("a", 1785), ("b", 1234567)]))
    texts = visible_texts(root)
    assert "1.785" in texts and "1.234.567" in texts
    assert "1.500.000" in texts  # a gridline label


def test_all_zeros() -> None:
    root = parse(SAMPLES["months-zero"]())
    bars = by_class(root, "rect", "cot")
    assert len(bars) == 12 and all(float(b.get("height", "")) == 0 for b in bars)
    assert "Tổng cả năm: 0 ngày" in child_text(root, "desc")
    root = parse(bar_chart("k", "T", "", [("a", 0), ("b", 0)]))
    assert "Tất cả đều bằng 0" in child_text(root, "desc")


def test_single_bar() -> None:
    root = parse(SAMPLES["single-bar"]())
    (bar,) = by_class(root, "rect", "cot")
    width, _ = view_box(root)
    assert float(bar.get("width", "")) < width / 2  # not a slab across the whole chart
    assert "A: 1.785" in child_text(root, "desc")


def test_long_label_truncated_with_full_label_in_title() -> None:
    long = "Ban Tuyên giáo và Đoàn kết tập hợp thanh niên tỉnh"
    for bars in ([(long, 3), ("b", 4), ("c", 5), ("d", 6)], [(long, 3), *[(f"m{i}", i) for i in range(20)]]):
        root = parse(bar_chart("k", "T", "", bars))
        group = by_class(root, "g", "nhom-cot")[0]
        label = all_text(by_class(group, "text", "nhan")[0])
        assert label.endswith("…") and len(label) < len(long)
        assert long.startswith(label[:-1])
        assert child_text(group, "title") == f"{long}: 3"
    root = parse(SAMPLES["stacked"]())
    group = by_class(root, "g", "nhom")[3]
    label = all_text(by_class(group, "text", "nhan")[0])
    assert label.endswith("…")
    assert child_text(group, "title").startswith("Khu vực miền núi, vùng đồng bào dân tộc thiểu số rất dài")


def test_labels_are_escaped() -> None:
    svg = SAMPLES["bars"]()
    assert "Ban TNCN &amp; &lt;ĐT&gt;" in svg
    assert NASTY not in svg
    root = parse(svg)
    assert NASTY in visible_texts(root)
    assert child_text(by_class(root, "g", "nhom-cot")[0], "title") == f"{NASTY}: 61,57 ngày"
    # quotes, apostrophes and characters XML cannot hold, in every text argument
    odd = "Chi đoàn \"A\" & 'B' <x>\x01\x0b"
    for svg in (
        bar_chart("k", odd, odd, [(odd, 1)], unit=odd, highlight=1),
        stacked_bars("k", odd, odd, [(odd, [1, 2])], [odd, "b"]),
    ):
        root = parse(svg)
        assert child_text(root, "title") == "Chi đoàn \"A\" & 'B' <x>"
        assert "<x>" not in svg and "\x01" not in svg
    root = parse(SAMPLES["stacked"]())
    assert NASTY in visible_texts(root)


def test_invalid_input_is_refused() -> None:
    for ident in ("", "1abc", "a b", 'a"b', "a<b"):
        with pytest.raises(ValueError):
            bar_chart(ident, "T", "", [("a", 1)])
    with pytest.raises(ValueError):
        bar_chart("k", "T", "", [("a", -1)])
    with pytest.raises(ValueError):
        bar_chart("k", "T", "", [("a", float("nan"))])
    with pytest.raises(ValueError):
        distribution("k", [1, -2], 60)
    with pytest.raises(ValueError):
        distribution("k", [1, 2], 60, bin_width=0)
    with pytest.raises(ValueError):
        stacked_bars("k", "T", "", [("a", [1, 2, 3])], CLASSIFICATIONS)


@pytest.mark.parametrize("name", ["empty-bars", "distribution-empty", "stacked-empty"])
def test_empty_data_draws_a_frame_with_a_message(name: str) -> None:
    root = parse(SAMPLES[name]())
    assert "Không có số liệu" in visible_texts(root)
    assert by_class(root, "rect", "khung")
    assert not by_class(root, "rect", "cot") and not by_class(root, "rect", "doan")
    assert "Không có số liệu" in child_text(root, "desc")
    root = parse(days_per_month("thang", []))
    assert "Không có số liệu" in visible_texts(root)


# --------------------------------------------------------------------------- distribution


def bin_rects(root: ET.Element) -> list[tuple[int, int, ET.Element]]:
    out = []
    for group in by_class(root, "g", "nhom-cot"):
        rect = group.find(f"{NS}rect")
        assert rect is not None
        out.append((int(group.get("data-tu", "")), int(group.get("data-den", "")), rect))
    return out


def minimum_x(root: ET.Element) -> float:
    (line,) = by_class(root, "line", "moc-toi-thieu")
    assert line.get("x1") == line.get("x2")
    return float(line.get("x1", ""))


def test_histogram_bins() -> None:
    assert histogram_bins(CADRE_DAYS, 60) == [
        (0, 10, 1),
        (10, 20, 2),
        (20, 30, 0),
        (30, 40, 0),
        (40, 50, 0),
        (50, 60, 1),
        (60, 70, 4),
        (70, 80, 1),
        (80, 90, 0),
        (90, 100, 0),
        (100, 110, 0),
        (110, 120, 0),
        (120, 130, 1),
    ]
    # a minimum inside a bin splits it there
    bins = histogram_bins(CADRE_DAYS, 65)
    assert (60, 65, 3) in bins and (65, 70, 1) in bins
    # the bins reach past the minimum even when nobody does
    assert histogram_bins([3, 12], 60)[-1] == (60, 70, 0)
    assert histogram_bins([3, 12], 60, bin_width=30) == [(0, 30, 2), (30, 60, 0), (60, 90, 0)]
    assert histogram_bins([], 60) == []
    for values, minimum, width in (([0, 365, 59, 60], 60, 10), ([7] * 5, 0, 1), ([1, 2, 3, 100], 33, 7)):
        bins = histogram_bins(values, minimum, bin_width=width)
        assert sum(count for _, _, count in bins) == len(values)
        assert all(low < high for low, high, _ in bins)
        assert all(a[1] == b[0] for a, b in pairwise(bins))
        assert not any(low < minimum < high for low, high, _ in bins)


def test_distribution_bars_colours_and_minimum_line() -> None:
    root = parse(SAMPLES["distribution"]())
    assert child_text(root, "title") == "Phân bố số ngày đi cơ sở của cán bộ"
    rects = bin_rects(root)
    assert [(low, high) for low, high, _ in rects] == [(low, high) for low, high, _ in histogram_bins(CADRE_DAYS, 60)]
    assert len(rects) == 13
    # warning colour exactly for the bins below the minimum
    for low, high, rect in rects:
        assert rect.get("fill") == (WARNING_COLOUR if high <= 60 else BAR_COLOUR), (low, high)
    assert sum(1 for _, _, rect in rects if rect.get("fill") == WARNING_COLOUR) == 6
    # the line lies between the bin ending at 60 and the one starting there
    x = minimum_x(root)
    before = next(rect for _, high, rect in rects if high == 60)
    after = next(rect for low, _, rect in rects if low == 60)
    assert float(before.get("x", "")) + float(before.get("width", "")) <= x <= float(after.get("x", ""))
    # heights follow the counts
    counts = [count for _, _, count in histogram_bins(CADRE_DAYS, 60)]
    heights = [float(rect.get("height", "")) for _, _, rect in rects]
    assert [h / max(heights) for h in heights] == pytest.approx([c / max(counts) for c in counts], abs=1e-3)
    texts = visible_texts(root)
    assert "Tối thiểu 60 ngày" in texts
    assert "Số cán bộ" in texts and "Số ngày đi cơ sở" in texts


@pytest.mark.parametrize(
    ("values", "minimum", "bin_width"),
    [(CADRE_DAYS, 65, 10), ([3, 12], 60, 10), ([0, 365, 61], 60, 10), ([1, 2], 0, 5), ([58, 59, 60, 61], 60, 1)],
)
def test_minimum_line_between_the_bins_around_it(values: list[int], minimum: int, bin_width: int) -> None:
    root = parse(distribution("k", values, minimum, bin_width=bin_width))
    rects = bin_rects(root)
    x = minimum_x(root)
    for low, high, rect in rects:
        left = float(rect.get("x", ""))
        right = left + float(rect.get("width", ""))
        if high <= minimum:
            assert right <= x and rect.get("fill") == WARNING_COLOUR
        else:
            assert low >= minimum
            assert left >= x and rect.get("fill") == BAR_COLOUR
    label = f"Tối thiểu {minimum} ngày"
    assert label in visible_texts(root)


def test_distribution_description() -> None:
    desc = child_text(parse(SAMPLES["distribution"]()), "desc")
    assert "10 cán bộ; mức tối thiểu 60 ngày." in desc
    assert "4 cán bộ (40%) dưới mức tối thiểu, 6 cán bộ đạt từ 60 ngày trở lên." in desc
    assert "Ít nhất 5 ngày, nhiều nhất 120 ngày, trung bình 53,9 ngày." in desc
    assert "Khoảng đông nhất: 60–69 ngày với 4 cán bộ." in desc


def test_distribution_of_many_cadres() -> None:
    values = [(i * 37) % 140 for i in range(1785)]
    root = parse(distribution("k", values, 60))
    assert sum(int(all_text(el).replace(".", "")) for el in by_class(root, "text", "gia-tri")) == 1785
    assert "1.785 cán bộ" in child_text(root, "desc")


# --------------------------------------------------------------------------- stacked bars


def test_stacked_bars() -> None:
    root = parse(SAMPLES["stacked"]())
    groups = by_class(root, "g", "nhom")
    assert len(groups) == 4
    segments = [by_class(group, "rect", "doan") for group in groups]
    assert [len(s) for s in segments] == [4, 4, 4, 0]  # a zero draws no segment
    # series colours in order, widths proportional to the counts
    assert [s.get("fill") for s in segments[0]] == list(SERIES_COLOURS[:4])
    widths = [float(s.get("width", "")) for s in segments[1]]
    assert [w / widths[1] for w in widths] == pytest.approx([3 / 20, 1, 15 / 20, 4 / 20], abs=1e-3)
    # segments follow each other
    for first, second in zip(segments[1], segments[1][1:], strict=False):
        assert float(first.get("x", "")) + float(first.get("width", "")) == pytest.approx(float(second.get("x", "")), abs=0.02)
    assert [all_text(by_class(g, "text", "tong")[0]) for g in groups] == ["26", "42", "19", "0"]
    legend = by_class(root, "g", "chu-giai")[0]
    assert [all_text(el) for el in legend.iter(f"{NS}text")] == CLASSIFICATIONS
    assert [el.get("fill") for el in legend.iter(f"{NS}rect")] == list(SERIES_COLOURS[:4])
    desc = child_text(root, "desc")
    assert "Tổng số: 87." in desc
    assert (
        "Hoàn thành xuất sắc nhiệm vụ: 9; Hoàn thành tốt nhiệm vụ: 38; Hoàn thành nhiệm vụ: 32; Không hoàn thành nhiệm vụ: 8"
        in desc
    )
    assert "Khu vực nông thôn: 42 (3 Hoàn thành xuất sắc nhiệm vụ, 20 Hoàn thành tốt nhiệm vụ" in desc


def test_stacked_bars_more_series_than_colours() -> None:
    series = [f"Loại {i}" for i in range(10)]
    root = parse(stacked_bars("k", "T", "", [("a", list(range(1, 11)))], series))
    fills = [el.get("fill") for el in by_class(root, "rect", "doan")]
    assert len(fills) == 10 and fills[8] == SERIES_COLOURS[0]


# --------------------------------------------------------------------------- text alternative


def test_text_alternative() -> None:
    table = text_alternative(
        ["Ban", "Số ngày", "Trung bình"], [[NASTY, 1785, 61.57], ["Văn phòng", 1234567, 60.5], ["Ban Kiểm tra", 0, 60.0]]
    )
    root = ET.fromstring(table)
    assert root.tag == "table" and root.get("class") == "bang-so-lieu"
    headers = root.findall("./thead/tr/th")
    assert [h.text for h in headers] == ["Ban", "Số ngày", "Trung bình"]
    assert all(h.get("scope") == "col" for h in headers)
    rows = root.findall("./tbody/tr")
    assert [[all_text(cell) for cell in row] for row in rows] == [
        [NASTY, "1.785", "61,57"],
        ["Văn phòng", "1.234.567", "60,5"],
        ["Ban Kiểm tra", "0", "60"],
    ]
    assert rows[0][0].tag == "th" and rows[0][0].get("scope") == "row"
    assert rows[0][1].tag == "td" and rows[0][1].get("class") == "so"
    assert "Ban TNCN &amp; &lt;ĐT&gt;" in table
    assert "\n\n" not in table


def test_text_alternative_empty() -> None:
    root = ET.fromstring(text_alternative(["Tháng", "Số ngày"], []))
    (cell,) = root.findall("./tbody/tr/td")
    assert cell.text == "Không có số liệu" and cell.get("colspan") == "2"


def test_survives_markdown() -> None:
    svg = SAMPLES["bars"]()
    table = text_alternative(["Ban", "Số ngày"], [[NASTY, 1785]])
    page = f"# Trang\n\n<figure>\n{svg}\n</figure>\n\n<details><summary>Số liệu của biểu đồ</summary>\n{table}\n</details>\n"
    rendered = markdown.markdown(page, extensions=["attr_list", "md_in_html"])
    assert svg in rendered
    assert table in rendered
