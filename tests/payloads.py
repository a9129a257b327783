"""Hostile texts a unit could type into any field, shared by every escaping test.

Each output a unit's text can reach (site pages, GitHub Markdown, workflow
commands, spreadsheet cells, SVG, file paths) has one escaping function in
:mod:`site_gen.escape`; every one of them is tested with this same list, and
the browser test plants these texts in every text field of the sample.
Add a payload here, never in a single test.
"""

from __future__ import annotations

PAYLOADS: tuple[str, ...] = (
    # HTML and script
    "<script>alert('xss-1')</script>",
    '"><img src=x onerror=alert("xss-2")>',
    "'><svg/onload=alert('xss-3')>",
    "</title><script>alert('xss-4')</script>",
    "<iframe srcdoc=\"<script>alert('xss-5')</script>\"></iframe>",
    "<a href=\"javascript:alert('xss-6')\">bấm vào đây</a>",
    "javascript:alert('xss-7')",
    "&lt;script&gt;alert('xss-8')&lt;/script&gt;",
    "<!-- comment --><b>đậm</b>",
    "<details open ontoggle=alert('xss-9')>",
    "≮img src=x onerror=alert('xss-13')≯",  # NFD: "<" and ">" with a combining mark, what folding for search gives back
    "&#x3C;script&#x3E;alert('xss-14')&#x3C;/script&#x3E;",
    '" onmouseover="alert(\'xss-10\')" x="',
    # Markdown
    "[bấm](javascript:alert('xss-11'))",
    "\\[bấm\\](javascript:alert('xss-12'))",
    "![ảnh](https://evil.example/x.png)",
    "[tham chiếu][r]\n\n[r]: https://evil.example/",
    "<https://evil.example/>",
    "https://evil.example/phishing",
    "**đậm** _nghiêng_ ~~gạch~~ `mã`",
    "```\nkhối mã\n```",
    "| cột 1 | cột 2 |\n| --- | --- |",
    "# Tiêu đề\n---\n- mục 1\n1. mục 2\n> trích dẫn",
    "@trung-uong/ban-to-chuc @admin",
    "#1 #999 GH-1",
    ":smile: :+1:",
    "www.evil.example và vanthu@example.com",
    "tinh-doan/du-lieu#12, GH-7 và gh-8",
    "&#60;img src=x onerror=alert('xss-13')&#62;",
    "1) mục\n- [x] việc\n    mã thụt lề\n===",
    "[^1]\n\n[^1]: chú thích",
    "<details open><summary>mở</summary>ẩn</details>",
    "$x^2$ và $$y$$",
    "dòng một  \ndòng hai\\\nba",
    "line one\n\nline three",
    "    <b>thụt lề</b> bốn dấu cách",
    "---",
    # templates (Jinja2, GitHub Actions expressions, shell)
    "{{ 7*7 }} {% raw %} {# c #}",
    "${{ github.token }} ${{ secrets.GITHUB_TOKEN }}",
    "$(touch /tmp/pwned) `touch /tmp/pwned`",
    # GitHub workflow commands
    "a\n::error file=x.yaml,line=1::giả mạo",
    "a\r\n::add-mask::secret",
    "a%0A::warning::giả mạo",
    "a\n::stop-commands::token123",
    "a\n\n::set-output name=x::y",
    "a,b:c%d",
    "##[error]giả mạo kiểu cũ",
    "::error::ngay đầu dòng",
    "   ::notice file=x::thụt đầu dòng",
    "x\n\n##[add-mask]bí mật",
    # spreadsheets
    '=HYPERLINK("https://evil.example","bấm")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    # paths
    "../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "con",
    # characters
    "\u202egnp.exe",
    "zero\u200bwidth\ufeff",
    "Ho\u0302\u0300 Chi\u0301 Minh",
    "Nguyễn Văn A 👍🏽",
    "\x0c\x0b\x7f",
    "nul\x00char",
)
