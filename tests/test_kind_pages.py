"""Pages a kind adds to the site: planned beside the site's own, listed by the index of their section."""

from __future__ import annotations

from functools import partial

import pytest

from site_gen.kinds import KINDS, KindPage
from site_gen.site.pages import SECTION_TEMPLATE, Page, list_in_sections
from site_gen.site.render import environment, relative


def render(page: Page) -> str:
    values = {**page.values, "site": None, "page": page.path, "link": partial(relative, page.path), "sources": []}
    return environment().get_template(page.template).render(values)


def test_an_index_without_added_pages_keeps_its_template() -> None:
    index = Page("khao-sat/index.md", "khao-sat-danh-sach.md.j2", "Khảo sát giữa nhiệm kỳ", {"surveys": []})
    list_in_sections([index], [(KINDS[0], KindPage("khao-sat/x.md", "x.md.j2", "X"))])
    assert index.template == "khao-sat-danh-sach.md.j2"


def test_a_section_index_lists_the_pages_kinds_add_to_it() -> None:
    index = Page("khao-sat/index.md", "khao-sat-danh-sach.md.j2", "Khảo sát giữa nhiệm kỳ", {"surveys": []})
    alone = render(index)
    added = [
        (KINDS[0], KindPage("khao-sat/b.md", "x.md.j2", "Trang *B*", section="khao-sat", summary="hạn 31/05/2020")),
        (KINDS[0], KindPage("khao-sat/a.md", "x.md.j2", "Trang A", section="khao-sat")),
        (KINDS[1], KindPage("khao-sat/c.md", "x.md.j2", "Trang C")),
    ]
    list_in_sections([index], added)
    assert index.template == SECTION_TEMPLATE
    text = render(index)
    assert text.startswith(alone)
    assert text[len(alone) :] == (
        f"\n## {KINDS[0].label_vi}\n\n- [Trang &#42;B&#42;](b.md) — hạn 31/05/2020\n- [Trang A](a.md)\n"
    )


def test_pages_added_to_a_section_without_index_are_refused() -> None:
    with pytest.raises(AssertionError, match="nowhere"):
        list_in_sections([], [(KINDS[0], KindPage("nowhere/a.md", "x.md.j2", "A", section="nowhere"))])
