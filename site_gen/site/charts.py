"""Charts drawn at build time as plain SVG, with a text alternative.

Every function here is pure and deterministic: same input, same bytes. The
markup is meant to be embedded inline in a page; it makes no request (no
``href``, no ``<image>``, no script, no web font) and scales with its
container through ``viewBox`` (no pixel width).

Accessibility: the root element has ``role="img"`` and is labelled by its
``<title>`` and ``<desc>``; the description states the key numbers in words.
The ids of those two elements are derived from the caller's ``ident``, which
must therefore be unique within a page. Each chart paints its own white
background so the colours keep their contrast under a dark theme.

Python-Markdown does not treat ``<svg>`` as a block element: wrap the markup
in a ``<figure>`` or ``<div>`` (and keep it free of blank lines, which these
functions never produce) before putting it in a Markdown page. Put
:func:`text_alternative` under the chart, inside
``<details><summary>Số liệu của biểu đồ</summary>…</details>``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from site_gen.catalogue import words
from site_gen.escape import xml_text
from site_gen.vn import format_decimal, format_int

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = "system-ui, sans-serif"

TEXT_COLOUR = "#444444"
STRONG_TEXT_COLOUR = "#222222"
BAR_COLOUR = "#1f5fa8"
WARNING_COLOUR = "#b3261e"
AXIS_COLOUR = "#767676"
GRID_COLOUR = "#d9d9d9"
BACKGROUND = "#ffffff"
INSIDE_DARK = "#1a1a1a"
INSIDE_LIGHT = "#ffffff"
# Series of stacked bars, in order. The first four suit the four classifications
# (best to worst): dark blue, light blue, orange, dark red, told apart by
# lightness as well as hue; every one has at least 3:1 against white, and the
# counts written inside take black or white, whichever reads at 4.5:1 or more.
SERIES_COLOURS = (
    "#1f4e8c",
    "#4a8bd0",
    "#c96d00",
    "#8f1d1d",
    "#6a3d9a",
    "#00695c",
    "#5d4037",
    "#37474f",
)

# The charts' words (site.toml, Vietnamese only: the site is a Vietnamese document).
WORDS = words("charts")
MONTHS = tuple(words("chart_months")[str(month)] for month in range(1, 13))
DAYS_PER_MONTH_TITLE = WORDS["days_per_month_title"]
DISTRIBUTION_TITLE = WORDS["distribution_title"]
NO_DATA = WORDS["no_data"]
TABLE_SUMMARY = WORDS["table_summary"]
DAYS = WORDS["day_unit"]

_WIDTH = 600
_PAD = 16
_TITLE_SIZE = 16
_LABEL_SIZE = 13
_VALUE_SIZE = 12
_SMALL_SIZE = 12
_CHAR = 0.58  # average advance of a character, in ems, for system-ui
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


# --------------------------------------------------------------------------- text and numbers


def _c(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number(value: float) -> str:
    """1785 -> "1.785", 61.57 -> "61,57", 61.5 -> "61,5"."""
    if not math.isfinite(value):
        return "—"
    if abs(value - round(value)) < 1e-9:
        return format_int(round(value))
    text = format_decimal(value, 2)
    return text.rstrip("0").rstrip(",")


def _with_unit(value: float, unit: str) -> str:
    if not unit:
        return _number(value)
    return f"{_number(value)}{unit}" if unit == "%" else f"{_number(value)} {unit}"


def _width(text: str, size: float) -> float:
    return len(text) * size * _CHAR


def _truncate(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    return text[: max(1, max_chars - 1)].rstrip() + "…"


def _wrap(text: str, max_chars: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= max_chars or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [_truncate(line, max_chars) for line in lines] or [""]


def _join(names: Sequence[str], limit: int = 3) -> str:
    shown = list(names[:limit])
    if len(names) > limit:
        shown.append(WORDS["more"].format(count=len(names) - limit))
    if len(shown) == 1:
        return shown[0]
    return WORDS["and"].format(items=", ".join(shown[:-1]), last=shown[-1])


def _sentence(*parts: str) -> str:
    return " ".join(part.strip() for part in parts if part.strip())


def _check_ident(ident: str) -> None:
    if not _IDENT.match(ident):
        raise ValueError(f"chart ident must match [A-Za-z][A-Za-z0-9_-]*: {ident!r}")


def _check_value(value: float, what: str) -> None:
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0: {value!r}")


# --------------------------------------------------------------------------- colours


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` (or ``#rgb``) colours, from 1 to 21."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_colour_on(fill: str) -> str:
    """The label colour (near black or white) with the higher contrast on ``fill``."""
    light = contrast_ratio(INSIDE_LIGHT, fill)
    dark = contrast_ratio(INSIDE_DARK, fill)
    return INSIDE_LIGHT if light >= dark else INSIDE_DARK


# --------------------------------------------------------------------------- scales


def _nice_scale(top: float, integer: bool) -> tuple[float, int, int]:
    """(step, intervals, decimals) of an axis from 0 that holds ``top`` in 3 or 4 round steps."""
    if top <= 0:
        top = 1
    raw = top / 4
    exponent = math.floor(math.log10(raw))
    step = 0.0
    decimals = 0
    for e in (exponent - 1, exponent, exponent + 1):
        for mantissa in (1.0, 2.0, 2.5, 5.0):
            if mantissa == 2.5 and e < 1:
                continue
            candidate = mantissa * 10.0**e
            if candidate >= raw * (1 - 1e-12):
                step = candidate
                decimals = max(0, -e)
                break
        if step:
            break
    if integer and step < 1:
        step, decimals = 1.0, 0
    intervals = max(1, math.ceil(top / step - 1e-9))
    return step, intervals, decimals


def _tick_label(value: float, decimals: int) -> str:
    return format_int(round(value)) if decimals == 0 or value == 0 else format_decimal(value, decimals)


# --------------------------------------------------------------------------- shared pieces


def _open(ident: str, title: str, description: str, height: float) -> list[str]:
    return [
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {_WIDTH} {_c(height)}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="bieu-do" font-family="{FONT_FAMILY}" '
        'style="width:100%;height:auto">',
        f'<title id="{ident}-title">{xml_text(title)}</title>',
        f'<desc id="{ident}-desc">{xml_text(description)}</desc>',
        f'<rect class="nen" x="0" y="0" width="{_WIDTH}" height="{_c(height)}" fill="{BACKGROUND}"/>',
    ]


def _title_lines(title: str) -> list[str]:
    return _wrap(title, int((_WIDTH - 2 * _PAD) / (_TITLE_SIZE * 0.62)))


def _draw_title(lines: list[str]) -> list[str]:
    out: list[str] = []
    for index, line in enumerate(lines):
        y = _PAD + _TITLE_SIZE + index * (_TITLE_SIZE + 4)
        out.append(
            f'<text class="tieu-de" x="{_PAD}" y="{_c(y)}" font-size="{_TITLE_SIZE}" font-weight="bold" '
            f'fill="{STRONG_TEXT_COLOUR}">{xml_text(line)}</text>'
        )
    return out


def _title_height(lines: list[str]) -> float:
    return _PAD + len(lines) * (_TITLE_SIZE + 4) + 4


def _empty(ident: str, title: str, description: str) -> str:
    lines = _title_lines(title)
    top = _title_height(lines)
    height = top + 120
    desc = _sentence(description, f"{NO_DATA}.")
    body = [
        *_open(ident, title, desc, height),
        *_draw_title(lines),
        f'<rect class="khung" x="{_PAD}" y="{_c(top)}" width="{_WIDTH - 2 * _PAD}" height="100" '
        f'fill="none" stroke="{AXIS_COLOUR}"/>',
        f'<text class="khong-co-so-lieu" x="{_WIDTH / 2:g}" y="{_c(top + 55)}" font-size="{_LABEL_SIZE + 1}" '
        f'text-anchor="middle" fill="{TEXT_COLOUR}">{NO_DATA}</text>',
        "</svg>",
    ]
    return "\n".join(body)


def _legend(items: Sequence[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """Swatches and names, flowing over as many rows as needed; returns (markup, height)."""
    out = ['<g class="chu-giai">']
    x = float(_PAD)
    y = top
    row = _SMALL_SIZE + 8
    limit = _WIDTH - 2 * _PAD - 18
    for colour, name in items:
        label = _truncate(name, int(limit / (_SMALL_SIZE * _CHAR)))
        width = 18 + _width(label, _SMALL_SIZE) + 16
        if x > _PAD and x + width > _WIDTH - _PAD:
            x = _PAD
            y += row
        out.append(f'<rect x="{_c(x)}" y="{_c(y)}" width="12" height="12" fill="{colour}"/>')
        out.append(
            f'<text x="{_c(x + 18)}" y="{_c(y + 10.5)}" font-size="{_SMALL_SIZE}" fill="{TEXT_COLOUR}">{xml_text(label)}</text>'
        )
        x += width
    out.append("</g>")
    return out, (y - top) + row + 4


def _y_axis(x0: float, x1: float, y_of_value: float, base: float, step: float, intervals: int, decimals: int) -> list[str]:
    """Horizontal gridlines with their labels; ``y_of_value`` is the height of one unit."""
    out = ['<g class="truc-doc">']
    for index in range(intervals + 1):
        value = index * step
        y = base - value * y_of_value
        colour = AXIS_COLOUR if index == 0 else GRID_COLOUR
        out.append(f'<line x1="{_c(x0)}" y1="{_c(y)}" x2="{_c(x1)}" y2="{_c(y)}" stroke="{colour}" stroke-width="1"/>')
        out.append(
            f'<text x="{_c(x0 - 6)}" y="{_c(y)}" dy="0.35em" font-size="{_SMALL_SIZE}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{_tick_label(value, decimals)}</text>'
        )
    out.append("</g>")
    return out


def _value_layout(texts: Sequence[str], room: float) -> tuple[float, bool, float]:
    """(font size, rotated, height above the bars) of the value labels of bars ``room`` wide."""
    longest = max(len(text) for text in texts)
    size = min(float(_VALUE_SIZE), (room - 4) / (longest * _CHAR))
    if size >= 9:
        return size, False, size + 8
    return float(_VALUE_SIZE), True, longest * _VALUE_SIZE * _CHAR + 8


def _value_label(x: float, y: float, text: str, size: float, rotated: bool) -> str:
    if rotated:
        x += size / 3
        return (
            f'<text class="gia-tri" x="{_c(x)}" y="{_c(y - 4)}" dy="0.35em" font-size="{_c(size)}" '
            f'text-anchor="start" transform="rotate(-90 {_c(x)} {_c(y - 4)})" fill="{TEXT_COLOUR}">{xml_text(text)}</text>'
        )
    return (
        f'<text class="gia-tri" x="{_c(x)}" y="{_c(y - 5)}" font-size="{_c(size)}" text-anchor="middle" '
        f'fill="{TEXT_COLOUR}">{xml_text(text)}</text>'
    )


# --------------------------------------------------------------------------- vertical bars


def _bars(
    ident: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, float]],
    unit: str,
    highlight: float | None,
) -> str:
    values = [float(value) for _, value in bars]
    top_value = max([*values, highlight or 0.0])
    integer = all(v == round(v) for v in values) and (highlight is None or highlight == round(highlight))
    step, intervals, decimals = _nice_scale(top_value, integer)
    axis_max = step * intervals

    title_lines = _title_lines(title)
    count = len(bars)
    tick_width = max(_width(_tick_label(i * step, decimals), _SMALL_SIZE) for i in range(intervals + 1))
    x0 = _PAD + max(24.0, tick_width + 8)
    x1 = _WIDTH - _PAD
    slot = (x1 - x0) / count
    bar_width = min(slot * 0.7, 80.0)

    value_texts = [_number(v) for v in values]
    value_size, rotate_values, value_room = _value_layout(value_texts, slot)

    # Category labels: horizontal when they fit (or when the slots are wide: then cut to the slot),
    # otherwise slanted and cut at 18 characters.
    names = [name for name, _ in bars]
    label_size = float(_LABEL_SIZE)
    fits = max(_width(n, label_size) for n in names) <= slot - 4
    slanted = not fits and slot < 90
    if slanted:
        label_size = max(8.0, min(float(_LABEL_SIZE), slot * 0.7))
        shown = [_truncate(n, 18) for n in names]
        label_room = max(_width(s, label_size) for s in shown) * 0.71 + label_size + 12
    else:
        shown = [_truncate(n, max(2, int((slot - 4) / (label_size * _CHAR)))) for n in names]
        label_room = label_size + 14

    caption_y = _title_height(title_lines) + _SMALL_SIZE
    plot_top = caption_y + 6 + value_room
    plot_height = 200.0
    base = plot_top + plot_height
    height = base + label_room + _PAD / 2
    per_unit = plot_height / axis_max

    out = _open(ident, title, description, height)
    out += _draw_title(title_lines)
    if unit:
        out.append(
            f'<text class="don-vi" x="{_PAD}" y="{_c(caption_y)}" font-size="{_SMALL_SIZE}" fill="{TEXT_COLOUR}">'
            f"{WORDS['unit'].format(unit=xml_text(unit))}</text>"
        )
    out += _y_axis(x0, x1, per_unit, base, step, intervals, decimals)
    for index, ((name, _), value) in enumerate(zip(bars, values, strict=True)):
        centre = x0 + slot * (index + 0.5)
        bar_height = value * per_unit
        y = base - bar_height
        out.append('<g class="nhom-cot">')
        out.append(f"<title>{xml_text(name)}: {xml_text(_with_unit(value, unit))}</title>")
        out.append(
            f'<rect class="cot" x="{_c(centre - bar_width / 2)}" y="{_c(y)}" width="{_c(bar_width)}" '
            f'height="{_c(bar_height)}" fill="{BAR_COLOUR}"/>'
        )
        out.append(_value_label(centre, y, value_texts[index], value_size, rotate_values))
        if slanted:
            lx, ly = centre + label_size / 3, base + 10
            out.append(
                f'<text class="nhan" x="{_c(lx)}" y="{_c(ly)}" font-size="{_c(label_size)}" text-anchor="end" '
                f'transform="rotate(-45 {_c(lx)} {_c(ly)})" fill="{TEXT_COLOUR}">{xml_text(shown[index])}</text>'
            )
        else:
            out.append(
                f'<text class="nhan" x="{_c(centre)}" y="{_c(base + label_size + 6)}" font-size="{_c(label_size)}" '
                f'text-anchor="middle" fill="{TEXT_COLOUR}">{xml_text(shown[index])}</text>'
            )
        out.append("</g>")
    if highlight is not None:
        y = base - highlight * per_unit
        label = WORDS["level"].format(value=_with_unit(highlight, unit))
        out.append('<g class="muc-chuan">')
        out.append(
            f'<line x1="{_c(x0)}" y1="{_c(y)}" x2="{_c(x1)}" y2="{_c(y)}" stroke="{STRONG_TEXT_COLOUR}" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{_c(x1)}" y="{_c(y - 5)}" font-size="{_SMALL_SIZE}" text-anchor="end" font-weight="bold" '
            f'fill="{STRONG_TEXT_COLOUR}" stroke="{BACKGROUND}" stroke-width="3" paint-order="stroke">{xml_text(label)}</text>'
        )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _extremes(names: Sequence[str], values: Sequence[float]) -> tuple[float, list[str], float, list[str]]:
    high = max(values)
    low = min(values)
    return (
        high,
        [n for n, v in zip(names, values, strict=True) if v == high],
        low,
        [n for n, v in zip(names, values, strict=True) if v == low],
    )


def bar_chart(
    ident: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, float]],
    *,
    unit: str = "",
    highlight: float | None = None,
) -> str:
    """Vertical bars, value on top, category below; ``highlight`` draws a dashed reference line.

    The description given is followed by a summary in words: number of bars,
    highest and lowest (with their labels) and, with ``highlight``, how many
    bars are below it. Values must be finite and >= 0.
    """
    _check_ident(ident)
    for _, value in bars:
        _check_value(float(value), "bar value")
    if highlight is not None:
        _check_value(float(highlight), "highlight")
    if not bars:
        return _empty(ident, title, description)
    names = [name for name, _ in bars]
    values = [float(value) for _, value in bars]
    high, at_high, low, at_low = _extremes(names, values)
    parts = [description, WORDS["bars"].format(count=format_int(len(bars)))]
    if high == low:
        shown = _with_unit(high, unit)
        parts.append(WORDS["all_equal"].format(value=shown) if len(bars) > 1 else f"{names[0]}: {shown}.")
    else:
        parts.append(WORDS["highest"].format(names=_join(at_high), value=_with_unit(high, unit)))
        parts.append(WORDS["lowest"].format(names=_join(at_low), value=_with_unit(low, unit)))
    if highlight is not None:
        below = sum(1 for v in values if v < highlight)
        parts.append(WORDS["below_line"].format(value=_with_unit(highlight, unit), below=format_int(below)))
    return _bars(ident, title, _sentence(*parts), bars, unit, None if highlight is None else float(highlight))


def days_per_month(ident: str, days: Sequence[int]) -> str:
    """Twelve monthly values (index 0 = January) as bars titled "Số ngày đi cơ sở theo tháng"."""
    _check_ident(ident)
    if not days:
        return _empty(ident, DAYS_PER_MONTH_TITLE, WORDS["days_per_month_about"])
    if len(days) != 12:
        raise ValueError(f"days_per_month needs 12 values, got {len(days)}")
    for value in days:
        _check_value(float(value), "days")
    months = [WORDS["month"].format(month=index + 1) for index in range(12)]
    values = [float(v) for v in days]
    total = sum(days)
    high, at_high, low, at_low = _extremes(months, values)
    parts = [WORDS["year_total"].format(total=_with_unit(total, DAYS), average=_with_unit(total / 12, DAYS))]
    if high == low:
        parts.append(WORDS["every_month"].format(value=_with_unit(high, DAYS)))
    else:
        parts.append(WORDS["most"].format(names=_join(at_high), value=_with_unit(high, DAYS)))
        parts.append(WORDS["least"].format(names=_join(at_low), value=_with_unit(low, DAYS)))
    empty_months = sum(1 for v in days if v == 0)
    if empty_months and high > 0:
        parts.append(WORDS["empty_months"].format(count=format_int(empty_months)))
    bars = [(MONTHS[index], float(value)) for index, value in enumerate(days)]
    return _bars(ident, DAYS_PER_MONTH_TITLE, _sentence(*parts), bars, DAYS, None)


# --------------------------------------------------------------------------- histogram


def histogram_bins(values: Sequence[int], minimum: int, *, bin_width: int = 10) -> list[tuple[int, int, int]]:
    """The bins of :func:`distribution` as ``(low, high_exclusive, count)``.

    Bins are ``[0, w), [w, 2w), …`` up to the one holding the largest value,
    and always reach past ``minimum``; when ``minimum`` is not a multiple of
    ``w`` the bin around it is split there, so every bin lies wholly below
    or wholly at/above the minimum. Use it to build the chart's table.
    """
    if bin_width < 1:
        raise ValueError(f"bin_width must be >= 1: {bin_width}")
    if minimum < 0:
        raise ValueError(f"minimum must be >= 0: {minimum}")
    for value in values:
        _check_value(float(value), "days")
    if not values:
        return []
    count = max(max(values) // bin_width + 1, minimum // bin_width + 1)
    edges = [index * bin_width for index in range(count + 1)]
    if minimum % bin_width:
        edges.insert(bisect_right(edges, minimum), minimum)
    ordered = sorted(values)
    bins: list[tuple[int, int, int]] = []
    for low, high in pairwise(edges):
        inside = bisect_right(ordered, high - 1) - bisect_right(ordered, low - 1)
        bins.append((low, high, inside))
    return bins


def _bin_name(low: int, high: int) -> str:
    if high - low == 1:
        return WORDS["bin_one"].format(low=format_int(low))
    return WORDS["bin_range"].format(low=format_int(low), high=format_int(high - 1))


def distribution(ident: str, values: Sequence[int], minimum: int, *, bin_width: int = 10) -> str:
    """Histogram of the days done per cadre, with a labelled line at ``minimum``.

    Bins below the minimum are drawn in :data:`WARNING_COLOUR`, the others in
    :data:`BAR_COLOUR`. Titled "Phân bố số ngày đi cơ sở của cán bộ".
    """
    _check_ident(ident)
    bins = histogram_bins(values, minimum, bin_width=bin_width)
    title = DISTRIBUTION_TITLE
    if not bins:
        return _empty(ident, title, WORDS["distribution_empty"].format(minimum=format_int(minimum)))

    total = len(values)
    below = sum(1 for v in values if v < minimum)
    peak = max(count for _, _, count in bins)
    at_peak = [_bin_name(low, high) for low, high, count in bins if count == peak]
    parts = [
        WORDS["cadres_minimum"].format(total=format_int(total), minimum=format_int(minimum)),
        WORDS["below_minimum"].format(
            below=format_int(below),
            percent=_number(round(100 * below / total, 1)),
            above=format_int(total - below),
            minimum=format_int(minimum),
        ),
        WORDS["spread"].format(
            low=format_int(min(values)), high=format_int(max(values)), average=_number(round(sum(values) / total, 2))
        ),
        WORDS["peak"].format(bins=_join(at_peak), count=format_int(peak)),
    ]
    description = _sentence(*parts)

    title_lines = _title_lines(title)
    step, intervals, decimals = _nice_scale(float(peak), True)
    axis_max = step * intervals
    tick_width = max(_width(_tick_label(i * step, decimals), _SMALL_SIZE) for i in range(intervals + 1))
    x0 = _PAD + max(24.0, tick_width + 8)
    x1 = _WIDTH - _PAD - 8
    span = bins[-1][1]
    per_day = (x1 - x0) / span

    def x_of(day: float) -> float:
        return x0 + day * per_day

    widths = [(high - low) * per_day for low, high, _ in bins]
    count_texts = [format_int(count) for _, _, count in bins]
    narrowest = min(widths)
    value_size, rotate_values, value_room = _value_layout(count_texts, narrowest)

    legend_top = _title_height(title_lines)
    legend, legend_height = _legend(
        [
            (WARNING_COLOUR, WORDS["legend_below"].format(minimum=format_int(minimum))),
            (BAR_COLOUR, WORDS["legend_above"].format(minimum=format_int(minimum))),
        ],
        legend_top,
    )
    caption_y = legend_top + legend_height + _SMALL_SIZE
    label_y = caption_y + _SMALL_SIZE + 8
    plot_top = label_y + 4 + value_room
    plot_height = 200.0
    base = plot_top + plot_height
    height = base + 2 * _SMALL_SIZE + 26
    per_count = plot_height / axis_max

    out = _open(ident, title, description, height)
    out += _draw_title(title_lines)
    out += legend
    out.append(
        f'<text class="don-vi" x="{_PAD}" y="{_c(caption_y)}" font-size="{_SMALL_SIZE}" fill="{TEXT_COLOUR}">{WORDS["axis_cadres"]}</text>'
    )
    out += _y_axis(x0, x1, per_count, base, step, intervals, decimals)
    gap = min(1.0, narrowest * 0.15)
    for (low, high, count), text in zip(bins, count_texts, strict=True):
        left, right = x_of(low) + gap, x_of(high) - gap
        bar_height = count * per_count
        y = base - bar_height
        colour = WARNING_COLOUR if high <= minimum else BAR_COLOUR
        centre = (left + right) / 2
        out.append(f'<g class="nhom-cot" data-tu="{low}" data-den="{high}">')
        out.append(f"<title>{WORDS['bin_cadres'].format(bin=xml_text(_bin_name(low, high)), count=format_int(count))}</title>")
        out.append(
            f'<rect class="cot" x="{_c(left)}" y="{_c(y)}" width="{_c(right - left)}" height="{_c(bar_height)}" fill="{colour}"/>'
        )
        if count:
            out.append(_value_label(centre, y, text, value_size, rotate_values))
        out.append("</g>")

    # Day ticks on the bin edges that are multiples of the bin width, as many as fit.
    label_width = _width(format_int(span), _SMALL_SIZE) + 8
    every = max(1, math.ceil(label_width / (bin_width * per_day)))
    out.append('<g class="truc-ngang">')
    for index in range(0, span // bin_width + 1, every):
        day = index * bin_width
        if day > span:
            break
        x = x_of(day)
        out.append(f'<line x1="{_c(x)}" y1="{_c(base)}" x2="{_c(x)}" y2="{_c(base + 4)}" stroke="{AXIS_COLOUR}"/>')
        out.append(
            f'<text x="{_c(x)}" y="{_c(base + _SMALL_SIZE + 6)}" font-size="{_SMALL_SIZE}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{format_int(day)}</text>'
        )
    out.append(
        f'<text x="{_c((x0 + x1) / 2)}" y="{_c(base + 2 * _SMALL_SIZE + 14)}" font-size="{_SMALL_SIZE}" '
        f'text-anchor="middle" fill="{TEXT_COLOUR}">{WORDS["axis_days"]}</text>'
    )
    out.append("</g>")

    x = x_of(minimum)
    label = WORDS["minimum"].format(minimum=format_int(minimum))
    anchor, label_x = ("start", x + 5) if x < (x0 + x1) / 2 else ("end", x - 5)
    out.append('<g class="muc-toi-thieu">')
    out.append(
        f'<line class="moc-toi-thieu" x1="{_c(x)}" y1="{_c(label_y - _SMALL_SIZE)}" x2="{_c(x)}" y2="{_c(base)}" '
        f'stroke="{STRONG_TEXT_COLOUR}" stroke-width="2" stroke-dasharray="6 3"/>'
    )
    out.append(
        f'<text x="{_c(label_x)}" y="{_c(label_y)}" font-size="{_SMALL_SIZE}" '
        f'text-anchor="{anchor}" font-weight="bold" fill="{STRONG_TEXT_COLOUR}" stroke="{BACKGROUND}" stroke-width="3" '
        f'paint-order="stroke">{xml_text(label)}</text>'
    )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------- stacked bars


def stacked_bars(
    ident: str,
    title: str,
    description: str,
    groups: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[str],
) -> str:
    """Horizontal stacked bars, one per group, segments in the order of ``series``, with a legend.

    Each group holds one count per series. Segment counts are written inside
    the segment when they fit, the total at the end of the bar. Colours come
    from :data:`SERIES_COLOURS`, in order.
    """
    _check_ident(ident)
    for name, counts in groups:
        if len(counts) != len(series):
            raise ValueError(f"group {name!r} has {len(counts)} counts for {len(series)} series")
        for value in counts:
            _check_value(float(value), "count")
    if not groups or not series:
        return _empty(ident, title, description)

    colours = [SERIES_COLOURS[index % len(SERIES_COLOURS)] for index in range(len(series))]
    totals = [sum(counts) for _, counts in groups]
    by_series = [sum(counts[index] for _, counts in groups) for index in range(len(series))]
    grand = sum(totals)
    parts = [description, WORDS["total"].format(total=format_int(grand))]
    counted = "; ".join(f"{name}: {format_int(value)}" for name, value in zip(series, by_series, strict=True))
    parts.append(WORDS["by_series"].format(counts=counted))
    for (name, counts), total in zip(groups, totals, strict=True):
        detail = ", ".join(f"{format_int(v)} {s}" for s, v in zip(series, counts, strict=True) if v)
        parts.append(f"{name}: {format_int(total)}" + (f" ({detail})." if detail else "."))
    description_text = _sentence(*parts)

    title_lines = _title_lines(title)
    legend, legend_height = _legend(list(zip(colours, series, strict=True)), _title_height(title_lines))
    plot_top = _title_height(title_lines) + legend_height + 8

    names = [name for name, _ in groups]
    label_chars = int(_WIDTH * 0.3 / (_LABEL_SIZE * _CHAR))
    shown = [_truncate(name, label_chars) for name in names]
    label_width = max(_width(s, _LABEL_SIZE) for s in shown)
    x0 = _PAD + label_width + 10
    total_width = max(_width(format_int(t), _VALUE_SIZE) for t in totals) + 10
    step, intervals, decimals = _nice_scale(float(max(totals)), True)
    axis_max = step * intervals
    tick_room = _width(_tick_label(axis_max, decimals), _SMALL_SIZE) / 2
    x1 = _WIDTH - _PAD - max(total_width, tick_room)
    per_count = (x1 - x0) / axis_max

    row = 30.0
    bar_height = 20.0
    base = plot_top + row * len(groups)
    height = base + _SMALL_SIZE + 16

    out = _open(ident, title, description_text, height)
    out += _draw_title(title_lines)
    out += legend
    out.append('<g class="truc-ngang">')
    for index in range(intervals + 1):
        tick = index * step
        x = x0 + tick * per_count
        colour = AXIS_COLOUR if index == 0 else GRID_COLOUR
        out.append(f'<line x1="{_c(x)}" y1="{_c(plot_top)}" x2="{_c(x)}" y2="{_c(base)}" stroke="{colour}" stroke-width="1"/>')
        out.append(
            f'<text x="{_c(x)}" y="{_c(base + _SMALL_SIZE + 4)}" font-size="{_SMALL_SIZE}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{_tick_label(tick, decimals)}</text>'
        )
    out.append("</g>")
    for row_index, ((name, counts), total) in enumerate(zip(groups, totals, strict=True)):
        y = plot_top + row_index * row + (row - bar_height) / 2
        detail = "; ".join(f"{s}: {format_int(v)}" for s, v in zip(series, counts, strict=True))
        out.append('<g class="nhom">')
        out.append(
            f"<title>{WORDS['group_total'].format(name=xml_text(name), total=format_int(total), detail=xml_text(detail))}</title>"
        )
        out.append(
            f'<text class="nhan" x="{_c(x0 - 8)}" y="{_c(y + bar_height / 2)}" dy="0.35em" font-size="{_LABEL_SIZE}" '
            f'text-anchor="end" fill="{TEXT_COLOUR}">{xml_text(shown[row_index])}</text>'
        )
        x = x0
        for value, colour, series_name in zip(counts, colours, series, strict=True):
            if not value:
                continue
            width = value * per_count
            out.append(
                f'<rect class="doan" x="{_c(x)}" y="{_c(y)}" width="{_c(width)}" height="{_c(bar_height)}" fill="{colour}" '
                f'stroke="{BACKGROUND}" stroke-width="1"><title>{xml_text(series_name)}: {format_int(value)}</title></rect>'
            )
            text = format_int(value)
            if _width(text, _VALUE_SIZE) + 6 <= width:
                out.append(
                    f'<text class="nhan-trong" x="{_c(x + width / 2)}" y="{_c(y + bar_height / 2)}" dy="0.35em" '
                    f'font-size="{_VALUE_SIZE}" text-anchor="middle" fill="{text_colour_on(colour)}">{text}</text>'
                )
            x += width
        out.append(
            f'<text class="tong" x="{_c(x + 5)}" y="{_c(y + bar_height / 2)}" dy="0.35em" font-size="{_VALUE_SIZE}" '
            f'font-weight="bold" fill="{TEXT_COLOUR}">{format_int(total)}</text>'
        )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------- table


def _cell(value: str | int | float) -> tuple[str, bool]:
    if isinstance(value, bool):
        return (WORDS["yes"] if value else WORDS["no"]), False
    if isinstance(value, int):
        return format_int(value), True
    if isinstance(value, float):
        return _number(value), True
    return xml_text(value), False


def text_alternative(headers: Sequence[str], rows: Sequence[Sequence[str | int | float]]) -> str:
    """The chart's data as ``<table class="bang-so-lieu">``; numbers written the Vietnamese way.

    The first cell of each row is its header (``<th scope="row">``); number
    cells carry ``class="so"`` so a stylesheet can right-align them.
    """
    out = ['<table class="bang-so-lieu">', "<thead><tr>"]
    out += [f'<th scope="col">{xml_text(header)}</th>' for header in headers]
    out += ["</tr></thead>", "<tbody>"]
    if not rows:
        out.append(f'<tr><td colspan="{max(1, len(headers))}">{NO_DATA}</td></tr>')
    for row in rows:
        cells = ["<tr>"]
        for index, value in enumerate(row):
            text, numeric = _cell(value)
            tag = "th" if index == 0 else "td"
            attrs = ' scope="row"' if index == 0 else ""
            if numeric:
                attrs += ' class="so"'
            cells.append(f"<{tag}{attrs}>{text}</{tag}>")
        cells.append("</tr>")
        out.append("".join(cells))
    out += ["</tbody>", "</table>"]
    return "\n".join(out)
