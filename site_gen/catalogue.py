"""Every message a unit or a maintainer reads, keyed by a stable code.

Each entry has a severity, a short title and a message template in
Vietnamese and in English, with the same placeholders in both (a test checks
it). Rules also carry a description of what they check (``about``), printed
by ``site-gen rules`` and in the documentation. Nobody writes a message
string at the call site: code raises a code and parameters; :func:`render`
turns them into words.

Parameter naming drives formatting: ``*_date`` is an ISO date shown as
dd/mm/yyyy; ``*_list`` is a list joined with commas; ``*_type`` is a JSON
type name; a name ending in a vocabulary name (``classification``,
``session``, ``role_group``, ``kind``, ...) is a code shown with its label.
When a ``suggestion`` parameter is present, the "did you mean" sentence is
appended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from site_gen.problems import Problem, Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True)
class Entry:
    severity: Severity
    title_vi: str
    text_vi: str
    title_en: str
    text_en: str
    about_vi: str = ""
    about_en: str = ""


def _e(severity: Severity, vi: tuple[str, str], en: tuple[str, str], about: tuple[str, str] = ("", "")) -> Entry:
    return Entry(severity, vi[0], vi[1], en[0], en[1], about[0], about[1])


CATALOGUE: dict[str, Entry] = {
    # -- the file itself ------------------------------------------------------
    "file.too-large": _e(
        E,
        ("Tệp quá lớn", "Tệp nặng {size} byte, vượt giới hạn {limit} byte của một hồ sơ; hãy tách thành nhiều tệp."),
        ("File too large", "The file has {size} bytes, over the {limit}-byte limit for one record; split it."),
    ),
    "file.bom": _e(
        E,
        (
            "Tệp có ký tự BOM",
            "Tệp bắt đầu bằng dấu BOM (byte order mark); hãy lưu lại dạng UTF-8 không BOM "
            "(trong Notepad: Lưu thành… › Mã hóa: UTF-8).",
        ),
        ("Byte-order mark", "The file starts with a byte-order mark; save it as UTF-8 without BOM."),
    ),
    "file.encoding": _e(
        E,
        (
            "Tệp không phải UTF-8",
            "Tệp không mã hóa UTF-8 (byte lỗi ở vị trí {offset}); hãy lưu lại với mã hóa UTF-8 để giữ đúng chữ tiếng Việt.",
        ),
        ("Not UTF-8", "The file is not valid UTF-8 (bad byte at offset {offset}); save it as UTF-8."),
    ),
    "file.unreadable": _e(
        E,
        ("Không đọc được tệp", "Không đọc được tệp: {detail}."),
        ("Unreadable file", "The file cannot be read: {detail}."),
    ),
    "file.ignored": _e(
        W,
        (
            "Tệp không được xử lý",
            "Tệp này không có đuôi .yaml hay .yml nên không được kiểm tra và không xuất hiện trên trang; "
            "nếu là hồ sơ, hãy đổi đuôi thành .yaml.",
        ),
        (
            "File not processed",
            "This file does not end in .yaml or .yml, so it is neither checked nor published; "
            "if it is a record, rename it to .yaml.",
        ),
    ),
    "file.symlink": _e(
        E,
        (
            "Liên kết tượng trưng",
            "Đây là liên kết tượng trưng (symlink), không phải tệp thật; công cụ không bao giờ đi theo liên kết. "
            "Mỗi đơn vị giữ hồ sơ của mình ngay trong thư mục của mình: hãy thay liên kết bằng chính tệp hồ sơ hoặc xóa nó.",
        ),
        (
            "Symbolic link",
            "This is a symbolic link, not a file; links are never followed. A unit keeps its own records in its own "
            "folder: replace the link with the record file itself, or delete it.",
        ),
        (
            "Liên kết tượng trưng (symlink) bị từ chối dù trỏ đi đâu: ra ngoài kho, tới thiết bị, tới chỗ không có, hay tới hồ sơ của đơn vị khác trong kho; công cụ không bao giờ đi theo liên kết",
            "A symbolic link is refused wherever it points: outside the repository, to a device, nowhere, or to another unit's record; links are never followed",
        ),
    ),
    "file.not-regular": _e(
        E,
        (
            "Không phải tệp thường",
            "Đây không phải tệp thường (FIFO, socket hay thiết bị) nên không được đọc; hãy xóa nó khỏi thư mục hồ sơ.",
        ),
        (
            "Not a regular file",
            "This is not a regular file (a FIFO, socket or device), so it is not read; remove it from the records folder.",
        ),
        (
            "FIFO, socket hay thiết bị trong thư mục hồ sơ: không bao giờ được mở",
            "A FIFO, socket or device in the records folder: never opened",
        ),
    ),
    "file.name-encoding": _e(
        E,
        (
            "Tên không phải UTF-8",
            "Tên tệp hoặc thư mục này không mã hóa UTF-8 (byte lỗi hiện dạng \\xNN) nên không được đọc, kể cả những gì "
            "bên trong; hãy đặt lại tên (chữ thường không dấu, nối bằng dấu gạch ngang).",
        ),
        (
            "Name not UTF-8",
            "This file or folder name is not UTF-8 (bad bytes shown as \\xNN), so neither it nor anything inside it "
            "is read; rename it.",
        ),
        (
            "Tên tệp, thư mục không mã hóa UTF-8: không đọc, kể cả nội dung thư mục",
            "A file or folder name that is not UTF-8: not read, nor a folder's content",
        ),
    ),
    "file.directory-named-record": _e(
        W,
        (
            "Thư mục mang tên hồ sơ",
            "Đây là thư mục nhưng tên có đuôi .yaml hay .yml như một tệp hồ sơ; các tệp bên trong vẫn được kiểm tra. "
            "Một hồ sơ phải là một tệp: hãy đổi tên thư mục.",
        ),
        (
            "Folder named like a record",
            "This is a folder whose name ends in .yaml or .yml like a record file; the files inside are still checked. "
            "A record is a file: rename the folder.",
        ),
        (
            "Thư mục có đuôi .yaml/.yml như tệp hồ sơ; các tệp bên trong vẫn được kiểm tra",
            "A folder whose name ends in .yaml/.yml; the files inside are still checked",
        ),
    ),
    # -- YAML syntax ------------------------------------------------------------
    "yaml.empty": _e(
        E,
        ("Tệp rỗng", "Tệp không có nội dung; hãy điền hồ sơ hoặc xóa tệp."),
        ("Empty file", "The file holds no record; fill it in or delete it."),
    ),
    "yaml.tab": _e(
        E,
        (
            "Thụt lề bằng phím Tab",
            "Dòng này thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách (mỗi cấp 2 dấu cách). "
            "Tab chỉ được dùng trong nội dung hoặc để ngăn cách sau dấu hai chấm.",
        ),
        (
            "Tab indentation",
            "This line is indented with a tab; YAML allows only spaces for indentation (a tab may only be content or a separator).",
        ),
    ),
    "yaml.unclosed-quote": _e(
        E,
        ("Thiếu dấu nháy đóng", "Chuỗi mở dấu nháy ở đây nhưng không có dấu nháy đóng."),
        ("Unclosed quote", "A quoted string starts here and is never closed."),
    ),
    "yaml.unclosed-bracket": _e(
        E,
        ("Thiếu dấu đóng ngoặc", "Dấu [ hoặc {{ mở ở đây chưa có dấu ] hoặc }} đóng tương ứng."),
        ("Unclosed bracket", "The [ or {{ opened here is never closed."),
    ),
    "yaml.colon": _e(
        E,
        (
            "Dấu hai chấm không hợp lệ",
            'Dấu hai chấm ở đây không hợp lệ: nếu nội dung có dấu ": " hãy đặt cả nội dung trong dấu nháy kép, '
            "nếu không hãy kiểm tra thụt lề của dòng (tên trường phải nằm trên một dòng).",
        ),
        (
            "Misplaced colon",
            'A colon is not allowed here: quote a text that contains ": ", or check this line\'s indentation '
            "(a key must fit on one line).",
        ),
    ),
    "yaml.missing-colon": _e(
        E,
        (
            "Thiếu dấu hai chấm",
            'Dòng này nằm ở cấp của các trường nhưng không có dạng "tên trường: giá trị": thiếu dấu hai chấm '
            "(sau dấu hai chấm phải có một dấu cách); nếu đây là phần tiếp theo của dòng trên thì phải thụt lề thêm.",
        ),
        (
            "Missing colon",
            'This line stands where keys go but is not "key: value": a colon (followed by a space) is missing; '
            "if it continues the line above, indent it further.",
        ),
    ),
    "yaml.indent": _e(
        E,
        (
            "Thụt lề không đúng",
            "Thụt lề của dòng này không khớp với các dòng cùng cấp; các trường cùng cấp phải thẳng hàng, "
            "và dòng tiếp theo của một giá trị phải thụt lề sâu hơn tên trường.",
        ),
        (
            "Bad indentation",
            "This line's indentation does not match its siblings; keys of one level must align, "
            "and a value's continuation lines must be indented more than its key.",
        ),
    ),
    "yaml.comment": _e(
        E,
        (
            "Ghi chú không có dấu cách",
            "Dấu # bắt đầu ghi chú phải đứng sau một dấu cách; nếu # là một phần của nội dung, hãy đặt cả giá trị trong dấu nháy kép.",
        ),
        (
            "Comment without a space",
            "A # that starts a comment must follow a space; if the # belongs to the value, quote the whole value.",
        ),
    ),
    "yaml.escape": _e(
        E,
        (
            "Ký tự thoát không hợp lệ",
            "Trong dấu nháy kép, {escape} không phải một ký tự thoát hợp lệ; muốn ghi dấu \\ hãy viết \\\\ "
            "hoặc dùng dấu nháy đơn.",
        ),
        (
            "Invalid escape",
            "Inside double quotes, {escape} is not a valid escape; write \\\\ for a backslash, or use single quotes.",
        ),
    ),
    "yaml.unexpected-end": _e(
        E,
        ("Tệp kết thúc giữa chừng", "Tệp kết thúc khi phần YAML phía trên chưa trọn vẹn (ví dụ: chỉ thị % mà không có hồ sơ)."),
        ("Unexpected end", "The file ends before the YAML above is complete (for example a % directive with no record)."),
    ),
    "yaml.syntax": _e(
        E,
        (
            "Lỗi cú pháp YAML",
            "Lỗi cú pháp YAML ({detail}). Phần này không thể đứng ở vị trí này; "
            "nếu nó là nội dung, hãy đặt cả giá trị trong dấu nháy kép.",
        ),
        ("YAML syntax error", "YAML syntax error ({detail}). This cannot stand here; if it is content, quote the whole value."),
    ),
    "yaml.control-char": _e(
        E,
        ("Ký tự điều khiển", "Tệp có ký tự điều khiển không hợp lệ ({char}); thường do dán từ Word hay Excel, hãy xóa nó."),
        ("Control character", "The file holds a control character ({char}); remove it."),
    ),
    "yaml.duplicate-key": _e(
        E,
        (
            "Trường bị lặp",
            'Trường "{key}" đã có ở dòng {first_line}; mỗi trường chỉ được ghi một lần, hãy gộp hoặc xóa một chỗ.',
        ),
        ("Duplicate key", 'Key "{key}" already appears on line {first_line}; keep only one.'),
    ),
    "yaml.anchor": _e(
        E,
        ("Không dùng neo YAML", "Không dùng neo YAML (&{name}); hãy viết đầy đủ giá trị."),
        ("YAML anchor", "YAML anchors (&{name}) are not allowed; write the value out."),
    ),
    "yaml.alias": _e(
        E,
        ("Không dùng tham chiếu YAML", "Không dùng tham chiếu YAML (*{name}); hãy viết đầy đủ giá trị."),
        ("YAML alias", "YAML aliases (*{name}) are not allowed; write the value out."),
    ),
    "yaml.tag": _e(
        E,
        ("Không dùng thẻ YAML", "Không dùng thẻ YAML ({tag}); hãy viết giá trị thường."),
        ("YAML tag", "YAML tags ({tag}) are not allowed; write a plain value."),
    ),
    "yaml.multi-document": _e(
        E,
        ("Nhiều hồ sơ trong một tệp", "Tệp có nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ chứa một hồ sơ."),
        ("Several documents", "The file holds several YAML documents (---); keep one record per file."),
    ),
    "yaml.directive": _e(
        E,
        ("Không dùng chỉ thị YAML", "Không dùng chỉ thị %YAML hay %TAG; hãy xóa dòng này."),
        ("YAML directive", "%YAML and %TAG directives are not allowed; remove this line."),
    ),
    "yaml.too-deep": _e(
        E,
        ("Lồng quá sâu", "Dữ liệu lồng nhau quá {limit} cấp; hồ sơ không cần sâu như vậy."),
        ("Nested too deep", "Values are nested more than {limit} levels deep."),
    ),
    "yaml.complex-key": _e(
        E,
        ("Tên trường không hợp lệ", "Tên trường phải là chữ, không được là danh sách hay nhóm trường."),
        ("Complex key", "A key must be a plain text, not a list or a mapping."),
    ),
    # -- the record as a whole --------------------------------------------------
    "record.not-mapping": _e(
        E,
        ("Hồ sơ phải là các trường", 'Hồ sơ phải là các cặp "tên trường: giá trị", bắt đầu bằng dòng kind: ...'),
        ("Not a mapping", 'A record must be a mapping of "key: value" pairs starting with kind: ...'),
    ),
    "record.kind-missing": _e(
        E,
        ("Thiếu loại hồ sơ", "Hồ sơ thiếu trường kind (loại hồ sơ); các loại: {kinds_list}."),
        ("Missing kind", "The record has no kind; known kinds: {kinds_list}."),
    ),
    "record.kind-type": _e(
        E,
        (
            "Loại hồ sơ không phải chữ",
            "Trường kind phải là tên một loại hồ sơ viết trên cùng dòng (ví dụ kind: cadre), không phải {found_type}; "
            "các loại: {kinds_list}.",
        ),
        (
            "Kind is not text",
            "kind must be the name of a record kind (such as kind: cadre), not {found_type}; known kinds: {kinds_list}.",
        ),
    ),
    "record.kind-unknown": _e(
        E,
        ("Loại hồ sơ không có", 'Không có loại hồ sơ "{value}"; các loại: {kinds_list}.'),
        ("Unknown kind", 'There is no record kind "{value}"; known kinds: {kinds_list}.'),
    ),
    "record.unexplained": _e(
        E,
        (
            "Hồ sơ bị loại, không rõ lý do",
            "Hồ sơ này không được tính vào số liệu vì không đúng mẫu hồ sơ, nhưng công cụ kiểm tra không chỉ ra "
            "được trường sai. Đây là lỗi của công cụ, không phải của đơn vị: hãy báo cho người quản trị kho dữ liệu, "
            "gửi kèm tệp này.",
        ),
        (
            "Record refused without a reason",
            "This record is left out of the figures because it does not fit its schema, but the checker could not "
            "name the field at fault. This is a fault of the tool, not of the unit: report it to the repository's "
            "maintainers with this file.",
        ),
    ),
    # -- schema keywords ----------------------------------------------------------
    "schema.required": _e(
        E,
        ("Thiếu trường bắt buộc", 'Thiếu trường bắt buộc "{field}" ({key}).'),
        ("Missing field", 'Required field "{key}" ({field}) is missing.'),
    ),
    "schema.unknown-key": _e(
        E,
        ("Trường không có trong mẫu", 'Trường "{key}" không có trong mẫu hồ sơ; các trường được phép: {allowed_list}.'),
        ("Unknown field", 'Field "{key}" is not part of this record; allowed: {allowed_list}.'),
    ),
    "schema.type": _e(
        E,
        ("Sai kiểu dữ liệu", '"{field}" ({key}) phải là {expected_type}, đang là {actual_type} {value}.'),
        ("Wrong type", '"{key}" ({field}) must be {expected_type}, not {actual_type} {value}.'),
    ),
    "schema.type-quote": _e(
        E,
        (
            "Cần đặt trong dấu nháy",
            '"{field}" ({key}) phải là chữ; hãy viết trong dấu nháy kép: {value} (không có dấu nháy, '
            "YAML hiểu đó là một con số).",
        ),
        ("Needs quotes", '"{key}" ({field}) must be text; write it in double quotes: {value}.'),
    ),
    "schema.enum": _e(
        E,
        ("Giá trị không hợp lệ", '"{field}" ({key}) không nhận giá trị {value}; chọn một trong: {allowed_list}.'),
        ("Value not allowed", '"{key}" ({field}) cannot be {value}; choose one of: {allowed_list}.'),
    ),
    "schema.const": _e(
        E,
        ("Giá trị cố định", '"{field}" ({key}) phải là {expected}, đang là {value}.'),
        ("Fixed value", '"{key}" ({field}) must be {expected}, not {value}.'),
    ),
    "schema.pattern": _e(
        E,
        ("Sai định dạng", '"{field}" ({key}) không đúng định dạng: {value}. {description}'),
        ("Bad format", '"{key}" ({field}) does not match the expected form: {value}. {description}'),
    ),
    "schema.property-name": _e(
        E,
        ("Sai dạng mã", 'Mã {value} trong "{field}" ({key}) không đúng dạng. {description}'),
        ("Bad key", 'The key {value} in "{key}" ({field}) is not in the expected form. {description}'),
    ),
    "schema.format": _e(
        E,
        ("Ngày không hợp lệ", '"{field}" ({key}) phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-02-15; đang là {value}.'),
        ("Invalid date", '"{key}" ({field}) must be a date written YYYY-MM-DD, e.g. 2025-02-15; found {value}.'),
    ),
    "schema.format-dmy": _e(
        E,
        (
            "Ngày viết sai thứ tự",
            '"{field}" ({key}) phải viết dạng NĂM-THÁNG-NGÀY: hãy sửa {value} thành {iso}.',
        ),
        ("Date order", '"{key}" ({field}) must be written YYYY-MM-DD: change {value} to {iso}.'),
    ),
    "schema.format-impossible": _e(
        E,
        ("Ngày không có thật", '"{field}" ({key}): ngày {value} không có trên lịch.'),
        ("Impossible date", '"{key}" ({field}): {value} is not a day of the calendar.'),
    ),
    "schema.minimum": _e(
        E,
        ("Giá trị quá nhỏ", '"{field}" ({key}) phải từ {limit} trở lên, đang là {value}.'),
        ("Too small", '"{key}" ({field}) must be at least {limit}, not {value}.'),
    ),
    "schema.maximum": _e(
        E,
        ("Giá trị quá lớn", '"{field}" ({key}) không được quá {limit}, đang là {value}.'),
        ("Too large", '"{key}" ({field}) must be at most {limit}, not {value}.'),
    ),
    "schema.min-length": _e(
        E,
        ("Chưa điền", '"{field}" ({key}) không được để trống.'),
        ("Empty text", '"{key}" ({field}) must not be empty.'),
    ),
    "schema.max-length": _e(
        E,
        ("Quá dài", '"{field}" ({key}) dài {length} ký tự, tối đa {limit}.'),
        ("Too long", '"{key}" ({field}) has {length} characters, at most {limit}.'),
    ),
    "schema.min-items": _e(
        E,
        ("Danh sách thiếu phần tử", '"{field}" ({key}) cần ít nhất {limit} mục, đang có {count}.'),
        ("Too few items", '"{key}" ({field}) needs at least {limit} items, has {count}.'),
    ),
    "schema.max-items": _e(
        E,
        ("Danh sách quá dài", '"{field}" ({key}) chỉ được có tối đa {limit} mục, đang có {count}.'),
        ("Too many items", '"{key}" ({field}) may have at most {limit} items, has {count}.'),
    ),
    "schema.unique-items": _e(
        E,
        ("Phần tử bị lặp", '"{field}" ({key}) có giá trị {value} lặp lại; mỗi giá trị chỉ ghi một lần.'),
        ("Repeated item", '"{key}" ({field}) lists {value} more than once.'),
    ),
    "schema.multiple-of": _e(
        E,
        ("Số lẻ quá nhiều", '"{field}" ({key}) chỉ được có tối đa hai chữ số thập phân, đang là {value}.'),
        ("Too many decimals", '"{key}" ({field}) may have at most two decimals, not {value}.'),
    ),
    "schema.min-properties": _e(
        E,
        ("Chưa điền mục nào", '"{field}" ({key}) cần ít nhất {limit} mục. {description}'),
        ("Empty mapping", '"{key}" ({field}) needs at least {limit} entries. {description}'),
    ),
    "schema.max-properties": _e(
        E,
        ("Điền quá nhiều mục", '"{field}" ({key}) chỉ được có {limit} mục, đang có {count}. {description}'),
        ("Too many entries", '"{key}" ({field}) may have {limit} entries, has {count}. {description}'),
    ),
    "schema.any-of": _e(
        E,
        ("Không đúng dạng nào", '"{field}" ({key}) phải là một trong các dạng: {options_list}; đang là {value}.'),
        ("No form matches", '"{key}" ({field}) must be one of: {options_list}; found {value}.'),
    ),
    "schema.one-of": _e(
        E,
        ("Không đúng dạng nào", '"{field}" ({key}) phải đúng một trong các dạng: {options_list}; đang là {value}.'),
        ("No form matches", '"{key}" ({field}) must match exactly one of: {options_list}; found {value}.'),
    ),
    "schema.other": _e(
        E,
        ("Không hợp lệ", '"{field}" ({key}) không hợp lệ theo quy định {keyword} của mẫu hồ sơ.'),
        ("Invalid", '"{key}" ({field}) breaks the schema rule {keyword}.'),
    ),
    # -- rules: the register and ownership --------------------------------------
    "rule.organisation-missing": _e(
        E,
        ("Chưa có hồ sơ tổ chức", "Kho chưa có hồ sơ tổ chức (kind: organisation); hãy tạo bằng lệnh site-gen new organisation."),
        ("No organisation", "The repository has no organisation record (kind: organisation)."),
        ("Kho dữ liệu phải có đúng một hồ sơ tổ chức.", "The repository must hold exactly one organisation record."),
    ),
    "rule.organisation-duplicate": _e(
        E,
        ("Nhiều hồ sơ tổ chức", "Kho đã có hồ sơ tổ chức khác ({other_file}); chỉ được có một."),
        ("Several organisations", "Another organisation record exists ({other_file}); keep one."),
        ("Kho dữ liệu chỉ có một hồ sơ tổ chức.", "The repository holds only one organisation record."),
    ),
    "rule.duplicate-id": _e(
        E,
        ("Mã bị trùng", 'Mã "{id}" đã được dùng cho hồ sơ {other_file}; mỗi mã chỉ dùng một lần.'),
        ("Duplicate id", 'Id "{id}" is already used by {other_file}.'),
        (
            "Mã của đơn vị, cán bộ, kế hoạch, mô hình, khảo sát là duy nhất trong loại của nó.",
            "Ids of units, cadres, plans, good models and surveys are unique within their kind.",
        ),
    ),
    "rule.unknown-folder": _e(
        E,
        (
            "Thư mục không phải đơn vị",
            'Thư mục "{folder}" không phải mã đơn vị nào trong sổ đăng ký; mỗi hồ sơ nằm trong submissions/<mã đơn vị sở hữu>/.',
        ),
        ("Unknown folder", 'Folder "{folder}" is not the id of any registered unit.'),
        (
            "Thư mục cấp đầu dưới submissions/ là mã đơn vị sở hữu hồ sơ.",
            "The first folder under submissions/ is the id of the unit that owns the record.",
        ),
    ),
    "rule.owner-mismatch": _e(
        E,
        (
            "Hồ sơ nằm sai thư mục",
            'Hồ sơ này thuộc đơn vị "{owner}" nhưng nằm trong thư mục "{folder}"; hãy chuyển sang submissions/{owner}/.',
        ),
        ("Wrong folder", 'This record belongs to unit "{owner}" but sits in folder "{folder}".'),
        (
            "Hồ sơ cán bộ, đăng ký, báo cáo quý, báo cáo khắc phục, khảo sát nằm trong thư mục của đơn vị có hồ sơ đó.",
            "Cadre, registration, report, progress and survey records sit in the folder of the unit they belong to.",
        ),
    ),
    "rule.register-folder": _e(
        E,
        (
            "Sổ đăng ký nằm sai thư mục",
            'Hồ sơ tổ chức và đơn vị do "{owner}" quản lý; hãy chuyển tệp sang submissions/{owner}/ (đang ở "{folder}").',
        ),
        ("Register in wrong folder", 'The register is kept by "{owner}"; move this file out of "{folder}".'),
        (
            "Hồ sơ tổ chức và sổ đăng ký đơn vị nằm trong thư mục của đơn vị quản lý sổ.",
            "The organisation and unit records sit in the folder of the register's owner.",
        ),
    ),
    "rule.plan-folder": _e(
        W,
        (
            "Văn bản nằm ở thư mục đơn vị cơ sở",
            'Kế hoạch, kết quả kiểm tra thường do ban, văn phòng hoặc Thường trực lập; thư mục "{folder}" là của {unit_type}.',
        ),
        ("Plan outside a department", 'Plans and inspection records are kept by departments; "{folder}" is a {unit_type}.'),
        (
            "Kế hoạch, kết quả kiểm tra nằm trong thư mục của ban, văn phòng hoặc Thường trực.",
            "Plans and inspection records sit in a department, office or leadership folder.",
        ),
    ),
    "rule.ref-unit": _e(
        E,
        ("Không có đơn vị", 'Không có đơn vị mã "{id}" trong sổ đăng ký.'),
        ("Unknown unit", 'There is no unit "{id}" in the register.'),
        ("Mọi mã đơn vị được nhắc tới đều có trong sổ đăng ký.", "Every unit id used exists in the register."),
    ),
    "rule.ref-cadre": _e(
        E,
        ("Không có cán bộ", 'Không có cán bộ mã "{id}" trong danh sách cán bộ.'),
        ("Unknown cadre", 'There is no cadre "{id}".'),
        ("Mọi mã cán bộ được nhắc tới đều có hồ sơ cán bộ.", "Every cadre id used has a cadre record."),
    ),
    "rule.ref-plan": _e(
        E,
        ("Không có kế hoạch", 'Không có {plan_kind} mã "{id}".'),
        ("Unknown plan", 'There is no {plan_kind} "{id}".'),
        ("Mọi mã kế hoạch được nhắc tới đều có hồ sơ kế hoạch đúng loại.", "Every plan id used exists, of the right kind."),
    ),
    "rule.ref-category": _e(
        E,
        ("Nội dung không có trong kế hoạch", 'Kế hoạch "{plan}" không có nội dung mã "{code}"; các mã: {codes_list}.'),
        ("Unknown category", 'Plan "{plan}" has no category "{code}"; codes: {codes_list}.'),
        ("Mã nội dung đi cơ sở có trong kế hoạch.", "Content categories exist in the plan."),
    ),
    "rule.ref-topic": _e(
        E,
        ("Chuyên đề không có", 'Nội dung "{category}" không có chuyên đề mã "{code}"; các mã: {codes_list}.'),
        ("Unknown topic", 'Category "{category}" has no topic "{code}"; codes: {codes_list}.'),
        ("Mã chuyên đề thuộc đúng nội dung trong kế hoạch.", "Topics belong to their category in the plan."),
    ),
    "rule.ref-team": _e(
        E,
        ("Không có đoàn kiểm tra", 'Kế hoạch kiểm tra "{plan}" không có đoàn mã "{id}".'),
        ("Unknown team", 'Inspection plan "{plan}" has no team "{id}".'),
        ("Đoàn kiểm tra được nhắc tới có trong kế hoạch kiểm tra.", "Inspection teams exist in their plan."),
    ),
    "rule.ref-shortcoming": _e(
        E,
        ("Không có khuyết điểm", 'Kế hoạch khắc phục "{plan}" không có khuyết điểm mã "{id}".'),
        ("Unknown shortcoming", 'Remediation plan "{plan}" has no shortcoming "{id}".'),
        ("Khuyết điểm được nhắc tới có trong kế hoạch khắc phục.", "Shortcomings exist in their remediation plan."),
    ),
    "rule.ref-action": _e(
        E,
        ("Không có việc", 'Kế hoạch khắc phục "{plan}" không có việc mã "{id}".'),
        ("Unknown action", 'Remediation plan "{plan}" has no action "{id}".'),
        ("Việc được nhắc tới có trong kế hoạch khắc phục.", "Actions exist in their remediation plan."),
    ),
    "rule.ref-model": _e(
        E,
        ("Không có mô hình", 'Không có hồ sơ mô hình, cách làm hay mã "{id}".'),
        ("Unknown good model", 'There is no good-model record "{id}".'),
        ("Mô hình được nhắc tới có hồ sơ mô hình.", "Good models referred to have a record."),
    ),
    "rule.ref-sector": _e(
        E,
        ("Không có khu vực", 'Tổ chức không có khu vực mã "{id}"; các mã: {codes_list}.'),
        ("Unknown sector", 'The organisation has no sector "{id}"; codes: {codes_list}.'),
        ("Khu vực được nhắc tới có trong hồ sơ tổ chức.", "Sectors exist in the organisation record."),
    ),
    "rule.ref-survey": _e(
        E,
        ("Không có khảo sát", 'Không có hồ sơ khảo sát giữa nhiệm kỳ mã "{id}".'),
        ("Unknown survey", 'There is no mid-term survey "{id}".'),
        ("Khảo sát được nhắc tới có hồ sơ.", "Surveys referred to have a record."),
    ),
    "rule.unit-parent-cycle": _e(
        E,
        ("Cấp trên vòng tròn", 'Đơn vị cấp trên của "{id}" quay vòng lại chính nó: {chain_list}.'),
        ("Parent cycle", 'The parents of "{id}" loop back to it: {chain_list}.'),
        ("Chuỗi đơn vị cấp trên không quay vòng.", "The chain of parent units has no loop."),
    ),
    "rule.approvers-submitters-overlap": _e(
        W,
        (
            "Người nộp trùng người duyệt",
            "{owners_list} vừa là người nộp vừa là người duyệt của đơn vị; người nộp và người duyệt phải thuộc "
            "hai nhóm khác nhau để mỗi thay đổi có người thứ hai duyệt.",
        ),
        ("Submitters approve", "{owners_list} both submit and approve for this unit; keep them in separate teams."),
        (
            "Nhóm nộp hồ sơ và nhóm duyệt của một đơn vị khác nhau.",
            "A unit's submitters and approvers are different teams.",
        ),
    ),
    # -- rules: periods and days -------------------------------------------------
    "rule.period-order": _e(
        E,
        ("Ngày bắt đầu sau ngày kết thúc", "Ngày bắt đầu {from_date} sau ngày kết thúc {to_date}."),
        ("Period reversed", "The start {from_date} is after the end {to_date}."),
        ("Ngày bắt đầu không sau ngày kết thúc.", "A period starts on or before it ends."),
    ),
    "rule.period-window": _e(
        E,
        (
            "Ngoài thời gian kế hoạch",
            "Khoảng {from_date} – {to_date} nằm ngoài thời gian thực hiện kế hoạch ({window_from_date} – {window_to_date}).",
        ),
        (
            "Outside the plan's window",
            "{from_date} – {to_date} lies outside the plan's window ({window_from_date} – {window_to_date}).",
        ),
        ("Thời gian đăng ký và đi cơ sở nằm trong thời gian thực hiện kế hoạch.", "Periods lie inside the plan's window."),
    ),
    "rule.days-exceed-period": _e(
        E,
        (
            "Số ngày vượt thời gian",
            "Ghi {days} ngày nhưng từ {from_date} đến {to_date} chỉ có {span} ngày (tính cả hai đầu).",
        ),
        ("Too many days", "{days} days, but {from_date} to {to_date} holds only {span} days (inclusive)."),
        (
            "Số ngày đi không vượt số ngày của khoảng thời gian, tính cả ngày đầu và ngày cuối.",
            "Days never exceed the days of the period, counted inclusively.",
        ),
    ),
    "rule.registration-overlap": _e(
        E,
        ("Dòng đăng ký trùng thời gian", "Dòng này trùng thời gian với dòng {other_row} ({other_from_date} – {other_to_date})."),
        ("Overlapping rows", "This row overlaps row {other_row} ({other_from_date} – {other_to_date})."),
        ("Các dòng đăng ký của một cán bộ không trùng thời gian.", "A cadre's registration rows never overlap."),
    ),
    "rule.visit-overlap": _e(
        E,
        (
            "Chuyến đi trùng thời gian",
            "Chuyến đi của {cadre} trùng thời gian với chuyến đi {other_from_date} – {other_to_date} đã báo cáo ở {other_file}.",
        ),
        ("Overlapping visits", "This visit of {cadre} overlaps the visit {other_from_date} – {other_to_date} in {other_file}."),
        ("Các chuyến đi đã báo cáo của một cán bộ không trùng thời gian.", "A cadre's reported visits never overlap."),
    ),
    "rule.report-quarter": _e(
        E,
        (
            "Chuyến đi không thuộc kỳ báo cáo",
            "Chuyến đi kết thúc ngày {to_date}, ngoài kỳ báo cáo quý {quarter} ({quarter_from_date} – {quarter_to_date}); "
            "hãy báo cáo ở quý kết thúc chuyến đi.",
        ),
        (
            "Visit outside the reporting period",
            "The visit ends on {to_date}, outside the period of the quarter {quarter} report ({quarter_from_date} – {quarter_to_date}).",
        ),
        (
            "Mỗi chuyến đi được báo cáo trong quý nó kết thúc; chuyến đi kết thúc sau hạn báo cáo quý trước "
            "(những ngày cuối quý) được báo cáo ở quý sau.",
            "A visit is reported in the quarter in which it ends; one that ends after the previous quarter's report "
            "was due (the last days of a quarter) goes in the next quarter's report.",
        ),
    ),
    "rule.visit-after-submission": _e(
        E,
        ("Báo cáo chuyến đi chưa xong", "Chuyến đi kết thúc ngày {to_date}, sau ngày nộp báo cáo {submitted_date}."),
        ("Visit after the report", "The visit ends on {to_date}, after the report was submitted on {submitted_date}."),
        ("Báo cáo chỉ ghi những chuyến đi đã kết thúc.", "A report lists only visits that have ended."),
    ),
    # -- rules: the plan's requirements -----------------------------------------
    "rule.category-role": _e(
        W,
        (
            "Nội dung ngoài định hướng",
            'Nội dung "{category}" không thuộc các nội dung tập trung của nhóm {role_group} ({focus_list}).',
        ),
        ("Outside the group's focus", 'Category "{category}" is not among the focus of group {role_group} ({focus_list}).'),
        (
            "Nội dung đăng ký, báo cáo thuộc định hướng nội dung của nhóm đối tượng của cán bộ.",
            "Registered and reported categories fit the cadre's role group.",
        ),
    ),
    "rule.role-group-not-covered": _e(
        W,
        (
            "Nhóm đối tượng không có trong kế hoạch",
            'Kế hoạch "{plan}" không quy định cho nhóm {role_group}; cán bộ này không thuộc diện của kế hoạch.',
        ),
        ("Group not covered", 'Plan "{plan}" sets no rules for group {role_group}.'),
        (
            "Cán bộ đăng ký thuộc một nhóm đối tượng kế hoạch có quy định.",
            "A registering cadre belongs to a group the plan covers.",
        ),
    ),
    "rule.registration-min-days": _e(
        E,
        ("Đăng ký chưa đủ số ngày", "Bản đăng ký có {planned} ngày, chưa đủ tối thiểu {minimum} ngày trong năm."),
        ("Too few days planned", "The registration plans {planned} days, fewer than the minimum {minimum}."),
        (
            "Cán bộ không được miễn đăng ký ít nhất số ngày tối thiểu của nhóm.",
            "A cadre who is not exempt plans at least the group's minimum days.",
        ),
    ),
    "rule.registration-min-trips": _e(
        E,
        (
            "Đăng ký chưa đủ số đợt",
            "Bản đăng ký có {trips} đợt từ {min_days_per_trip} ngày trở lên, chưa đủ {min_trips} đợt theo kế hoạch.",
        ),
        ("Too few trips planned", "The registration has {trips} trips of {min_days_per_trip}+ days, fewer than {min_trips}."),
        (
            "Chuyên viên đăng ký đủ số đợt tối thiểu, mỗi đợt đủ số ngày tối thiểu.",
            "A specialist plans the minimum number of trips of the minimum length.",
        ),
    ),
    "rule.visit-unregistered": _e(
        W,
        (
            "Chuyến đi không đăng ký",
            "Chuyến đi {from_date} – {to_date} (nội dung {category}) của {cadre} không khớp dòng đăng ký nào "
            "(cùng nội dung, cùng thời gian, đăng ký trước khi đi).",
        ),
        (
            "Unregistered visit",
            "The visit {from_date} – {to_date} (category {category}) of {cadre} matches no registration row "
            "(same category, same period, registered before leaving).",
        ),
        (
            "Chuyến đi đã báo cáo khớp một dòng đăng ký cùng nội dung, cùng thời gian, nộp trước khi đi; nếu không, "
            "được đánh dấu là không đăng ký (cán bộ được miễn không phải đăng ký).",
            "A reported visit matches a registration row of the same category and period submitted before it "
            "started, or is shown as unregistered (exempt cadres need no registration).",
        ),
    ),
    "rule.registration-missing": _e(
        W,
        ("Chưa đăng ký", 'Cán bộ {cadre} thuộc diện thực hiện kế hoạch "{plan}" nhưng chưa có bản đăng ký.'),
        ("Not registered", 'Cadre {cadre} is subject to plan "{plan}" but has no registration.'),
        ("Mỗi cán bộ thuộc diện thực hiện có bản đăng ký.", "Every cadre subject to a plan has a registration."),
    ),
    "rule.registration-exempt": _e(
        E,
        ("Cán bộ được miễn vẫn đăng ký", "Cán bộ này được miễn đi cơ sở năm {year} nhưng vẫn có bản đăng ký."),
        ("Exempt but registered", "This cadre is exempt for {year} but has a registration."),
        ("Cán bộ được miễn trong năm không có bản đăng ký.", "An exempt cadre has no registration."),
    ),
    "rule.exemption-reason": _e(
        E,
        ("Lý do miễn không có trong kế hoạch", 'Kế hoạch "{plan}" không miễn cho lý do "{reason}".'),
        ("Reason not accepted", 'Plan "{plan}" does not accept exemption reason "{reason}".'),
        ("Lý do miễn thuộc các trường hợp kế hoạch năm đó cho phép.", "An exemption reason is one the year's plan accepts."),
    ),
    "rule.exemption-duplicate": _e(
        E,
        ("Miễn hai lần một năm", "Năm {year} đã có một dòng miễn khác; mỗi năm chỉ ghi một lần."),
        ("Exempt twice", "Year {year} already has an exemption."),
        ("Mỗi năm một cán bộ có nhiều nhất một dòng miễn.", "A cadre has at most one exemption a year."),
    ),
    "rule.registration-duplicate": _e(
        E,
        ("Đăng ký hai lần", "Cán bộ này đã có bản đăng ký cho kế hoạch này ở {other_file}; hãy sửa bản đó thay vì nộp bản mới."),
        ("Registered twice", "This cadre already has a registration for this plan in {other_file}."),
        ("Mỗi cán bộ có một bản đăng ký cho mỗi kế hoạch.", "One registration per cadre and plan."),
    ),
    "rule.report-duplicate": _e(
        E,
        ("Báo cáo quý bị trùng", "Đơn vị đã có báo cáo quý {quarter} cho kế hoạch này ở {other_file}."),
        ("Duplicate report", "The unit already has a quarter {quarter} report for this plan in {other_file}."),
        ("Mỗi đơn vị có một báo cáo cho mỗi quý của mỗi kế hoạch.", "One report per unit, plan and quarter."),
    ),
    "rule.report-cadre-unit": _e(
        E,
        (
            "Cán bộ không thuộc đơn vị báo cáo",
            'Cán bộ "{cadre}" thuộc đơn vị "{cadre_unit}", không thuộc đơn vị báo cáo "{unit}".',
        ),
        ("Cadre of another unit", 'Cadre "{cadre}" belongs to "{cadre_unit}", not to the reporting unit "{unit}".'),
        ("Báo cáo quý của đơn vị chỉ ghi cán bộ của đơn vị đó.", "A unit's report lists only its own cadres."),
    ),
    "rule.late": _e(
        W,
        ("Nộp trễ hạn", "Nộp ngày {submitted_date}, trễ hạn (hạn cuối {deadline_date})."),
        ("Late", "Submitted on {submitted_date}, after the deadline ({deadline_date} at the latest)."),
        (
            "Hồ sơ nộp sau hạn (đăng ký, báo cáo quý, khảo sát, báo cáo khắc phục) được đánh dấu trễ với cả hai ngày.",
            "A record submitted after its deadline is flagged late, with both dates.",
        ),
    ),
    "rule.approval-order": _e(
        E,
        ("Duyệt trước khi nộp", "Ngày phê duyệt {approved_date} trước ngày nộp {submitted_date}."),
        ("Approved before submitted", "Approved on {approved_date}, before it was submitted on {submitted_date}."),
        ("Ngày phê duyệt không trước ngày nộp.", "Approval is not dated before submission."),
    ),
    "rule.approver-unit": _e(
        W,
        (
            "Người duyệt không có thẩm quyền",
            'Người phê duyệt "{approver}" không phải lãnh đạo đơn vị "{unit}" của cán bộ, cũng không thuộc Thường trực.',
        ),
        (
            "Approver without authority",
            'Approver "{approver}" leads neither the cadre\'s unit "{unit}" nor sits on the Standing Committee.',
        ),
        (
            "Bản đăng ký do lãnh đạo ban, văn phòng của cán bộ hoặc Thường trực phê duyệt.",
            "A registration is approved by a leader of the cadre's unit or by the Standing Committee.",
        ),
    ),
    "rule.self-approval": _e(
        W,
        (
            "Tự phê duyệt",
            "Cán bộ tự ghi mình là người phê duyệt; bản đăng ký của lãnh đạo ban do Thường trực phê duyệt.",
        ),
        (
            "Self-approval",
            "The cadre is named as their own approver; a department head's registration is approved by the Standing Committee.",
        ),
        ("Không ai tự phê duyệt bản đăng ký của mình.", "Nobody approves their own registration."),
    ),
    # -- rules: inspections ------------------------------------------------------------
    "rule.team-double-booked": _e(
        E,
        ("Đoàn kiểm tra trùng lịch", 'Đoàn "{team}" đã có lịch kiểm tra {session} ngày {date} ở dòng {other_row}.'),
        ("Team double-booked", 'Team "{team}" is already booked on {date}, {session} (row {other_row}).'),
        ("Một đoàn kiểm tra không có hai lịch trong cùng một buổi.", "No inspection team is booked twice in one session."),
    ),
    "rule.member-double-booked": _e(
        E,
        (
            "Thành viên trùng lịch",
            'Cán bộ "{cadre}" thuộc cả đoàn "{team}" và đoàn "{other_team}", cả hai có lịch {session} ngày {date}.',
        ),
        ("Member double-booked", 'Cadre "{cadre}" is in teams "{team}" and "{other_team}", both booked on {date}, {session}.'),
        ("Một cán bộ không ở hai đoàn cùng làm việc một buổi.", "No cadre sits in two teams working in the same session."),
    ),
    "rule.schedule-duplicate-unit": _e(
        E,
        ("Đơn vị có hai lịch", 'Đơn vị "{unit}" đã có lịch kiểm tra ở dòng {other_row}.'),
        ("Unit scheduled twice", 'Unit "{unit}" is already scheduled on row {other_row}.'),
        ("Mỗi đơn vị có đúng một lịch kiểm tra.", "Every scheduled unit is scheduled once."),
    ),
    "rule.schedule-sector": _e(
        E,
        ("Đơn vị ngoài khu vực kiểm tra", 'Đơn vị "{unit}" thuộc khu vực "{sector}", không nằm trong các khu vực của kế hoạch.'),
        ("Unit outside the sectors", 'Unit "{unit}" belongs to sector "{sector}", which the plan does not inspect.'),
        ("Đơn vị có lịch kiểm tra thuộc khu vực được kiểm tra.", "Scheduled units belong to the sectors inspected."),
    ),
    "rule.result-not-scheduled": _e(
        E,
        ("Kết quả cho đơn vị không có lịch", 'Đơn vị "{unit}" không có trong lịch của kế hoạch kiểm tra "{plan}".'),
        ("Result without schedule", 'Unit "{unit}" is not in the schedule of inspection plan "{plan}".'),
        ("Kết quả kiểm tra là của một đơn vị có lịch kiểm tra.", "An inspection result is for a scheduled unit."),
    ),
    "rule.result-team-mismatch": _e(
        E,
        ("Sai đoàn kiểm tra", 'Kết quả ghi đoàn "{team}" nhưng lịch giao cho đoàn "{scheduled_team}".'),
        ("Wrong team", 'The result names team "{team}" but the schedule assigned "{scheduled_team}".'),
        ("Đoàn ghi trong kết quả là đoàn có lịch với đơn vị.", "The result's team is the scheduled team."),
    ),
    "rule.result-date-mismatch": _e(
        W,
        ("Kiểm tra khác ngày theo lịch", "Kiểm tra ngày {date}, khác ngày theo lịch {scheduled_date}."),
        ("Date differs from schedule", "Inspected on {date}, not on the scheduled {scheduled_date}."),
        ("Ngày kiểm tra khác lịch được nêu ra để theo dõi việc điều chỉnh lịch.", "A date different from the schedule is shown."),
    ),
    "rule.result-duplicate": _e(
        E,
        ("Kết quả bị trùng", "Đơn vị này đã có kết quả kiểm tra của kế hoạch này ở {other_file}."),
        ("Duplicate result", "This unit already has a result for this plan in {other_file}."),
        ("Mỗi đơn vị có một kết quả cho mỗi kế hoạch kiểm tra.", "One result per unit and inspection plan."),
    ),
    "rule.result-missing": _e(
        W,
        ("Chưa có kết quả kiểm tra", 'Đơn vị "{unit}" có lịch kiểm tra nhưng chưa có thông báo kết quả.'),
        ("Result missing", 'Unit "{unit}" was scheduled but has no result yet.'),
        (
            "Mỗi đơn vị có lịch kiểm tra có thông báo kết quả, khi đơn vị được kiểm tra cùng ngày hoặc sau đó đã có kết quả.",
            "Every scheduled unit has a result once a unit inspected on the same day or later has one.",
        ),
    ),
    "rule.documents-late": _e(
        W,
        (
            "Gửi tài liệu trễ",
            "Tài liệu nhận ngày {received_date}, chỉ {days} ngày trước buổi kiểm tra {visit_date}; kế hoạch yêu cầu "
            "ít nhất {required} ngày (đơn vị không được kiểm tra và không được khiếu nại).",
        ),
        (
            "Documents late",
            "Documents arrived on {received_date}, {days} days before the visit on {visit_date}; {required} required.",
        ),
        (
            "Tài liệu đến trước buổi kiểm tra ít nhất số ngày kế hoạch quy định.",
            "Documents arrive at least the required days before the visit.",
        ),
    ),
    "rule.documents-missing": _e(
        W,
        ("Chưa ghi ngày nhận tài liệu", "Đơn vị đã được kiểm tra nhưng chưa ghi ngày thư ký đoàn nhận tài liệu."),
        ("Documents date missing", "The unit was inspected but the date its documents arrived is not recorded."),
        ("Kết quả đã kiểm tra có ngày nhận tài liệu.", "An inspected result records when its documents arrived."),
    ),
    "rule.result-scheduled-assessed": _e(
        E,
        (
            "Chờ kiểm tra nhưng đã có kết quả",
            'Tình trạng là "chờ kiểm tra" (scheduled) nhưng đã ghi {fields_list}; sau buổi kiểm tra hãy đổi tình trạng thành inspected.',
        ),
        (
            "Scheduled but assessed",
            'The status is "scheduled" but {fields_list} are filled in; after the visit, change the status to inspected.',
        ),
        (
            "Kết quả chờ kiểm tra chưa có điểm cuối cùng, xếp loại, thứ hạng hay nhận xét của buổi kiểm tra.",
            "A scheduled result has no final score, classification, rank or findings of the visit yet.",
        ),
    ),
    "rule.score-sum": _e(
        E,
        ("Điểm cuối cùng sai", "Điểm cuối cùng {final} khác điểm chấm cộng thưởng trừ điểm trừ ({expected})."),
        ("Final score wrong", "Final score {final} differs from assessed + bonus - penalty ({expected})."),
        ("Điểm cuối cùng bằng điểm chấm cộng điểm thưởng trừ điểm trừ.", "Final = assessed + bonus - penalty."),
    ),
    "rule.department-score-sum": _e(
        E,
        ("Tổng điểm các ban sai", "Tổng điểm các ban chấm là {total}, khác điểm chấm {assessed}."),
        ("Department scores don't add up", "Departments' scores add up to {total}, not the assessed {assessed}."),
        ("Điểm chấm bằng tổng điểm các ban chấm.", "The assessed score is the sum of the departments' scores."),
    ),
    "rule.department-score-late": _e(
        W,
        ("Chấm điểm sau buổi kiểm tra", 'Ban "{unit}" nhập điểm ngày {entered_date}, sau buổi kiểm tra {visit_date}.'),
        ("Scored after the visit", 'Department "{unit}" entered its score on {entered_date}, after the visit on {visit_date}.'),
        ("Các ban chấm điểm trực tuyến xong trước buổi kiểm tra.", "Departments score online before the visit."),
    ),
    "rule.classification-threshold": _e(
        E,
        (
            "Xếp loại không khớp điểm",
            'Điểm cuối cùng {score} ứng với mức "{expected_classification}" theo thang của kế hoạch, '
            'không phải "{classification}".',
        ),
        ("Classification vs score", 'A final score of {score} means "{expected_classification}", not "{classification}".'),
        (
            "Xếp loại khớp điểm cuối cùng theo thang xếp loại của kế hoạch.",
            "The classification agrees with the plan's thresholds.",
        ),
    ),
    "rule.thresholds-order": _e(
        E,
        ("Thang xếp loại sai thứ tự", "Thang xếp loại phải giảm dần: xuất sắc > tốt > hoàn thành, và không vượt điểm tối đa."),
        ("Thresholds out of order", "Thresholds must decrease: excellent > good > complete, within the maximum."),
        ("Thang xếp loại giảm dần và không vượt điểm tối đa.", "Classification thresholds decrease and stay within the maximum."),
    ),
    "rule.rank-duplicate": _e(
        E,
        ("Thứ hạng bị trùng", 'Hạng {rank} trong khu vực "{sector}" đã trao cho đơn vị "{other_unit}".'),
        ("Duplicate rank", 'Rank {rank} in sector "{sector}" is already held by "{other_unit}".'),
        ("Thứ hạng trong một khu vực không trùng nhau.", "Ranks in a sector are unique."),
    ),
    "rule.rank-order": _e(
        E,
        (
            "Thứ hạng không theo điểm",
            'Hạng {rank} với {score} điểm nhưng "{other_unit}" hạng {other_rank} chỉ có {other_score} điểm.',
        ),
        ("Ranks against scores", 'Rank {rank} with {score} points, yet "{other_unit}" ranks {other_rank} with {other_score}.'),
        ("Thứ hạng trong khu vực theo thứ tự điểm cuối cùng.", "Ranks in a sector follow the final scores."),
    ),
    "rule.rank-gap": _e(
        W,
        ("Thứ hạng bị khuyết", 'Thứ hạng trong khu vực "{sector}" chưa liên tục từ 1: {ranks_list}.'),
        ("Gaps in ranks", 'Ranks in sector "{sector}" do not run from 1 without gaps: {ranks_list}.'),
        ("Thứ hạng trong khu vực chạy liên tục từ 1.", "Ranks in a sector run 1, 2, 3... without gaps."),
    ),
    "rule.model-source-mismatch": _e(
        W,
        ("Mô hình ghi nơi phát hiện khác", 'Mô hình "{model}" ghi nơi phát hiện khác buổi kiểm tra này.'),
        ("Model found elsewhere", 'Good model "{model}" says it was found elsewhere than this inspection.'),
        (
            "Mô hình ghi trong kết quả kiểm tra có nơi phát hiện là buổi kiểm tra đó.",
            "Models listed in a result were found in that inspection.",
        ),
    ),
    "rule.reflection-missing": _e(
        W,
        ("Thiếu bài thu hoạch", 'Thành viên "{member}" của đoàn chưa có bài thu hoạch sau buổi kiểm tra.'),
        ("Reflection missing", 'Team member "{member}" has not handed in a reflection report.'),
        (
            "Khi kế hoạch yêu cầu, mọi thành viên đoàn (trừ trưởng đoàn) nộp bài thu hoạch.",
            "When the plan asks for it, every team member except the leader writes a reflection.",
        ),
    ),
    # -- rules: remediation ------------------------------------------------------
    "rule.shortcoming-no-action": _e(
        E,
        (
            "Khuyết điểm chưa có giải pháp",
            'Khuyết điểm "{id}" chưa có việc cụ thể nào có đơn vị chủ trì và thời hạn.',
        ),
        ("Shortcoming without action", 'Shortcoming "{id}" has no action with a lead unit and a deadline.'),
        (
            "Mỗi khuyết điểm có ít nhất một việc cụ thể có đơn vị chủ trì và thời hạn.",
            "Every shortcoming has at least one action with a lead unit and a deadline.",
        ),
    ),
    "rule.progress-action-mismatch": _e(
        E,
        ("Việc không thuộc khuyết điểm", 'Việc "{action}" không thuộc nhóm giải pháp nào khắc phục khuyết điểm "{shortcoming}".'),
        ("Action of another shortcoming", 'Action "{action}" belongs to no solution group for shortcoming "{shortcoming}".'),
        (
            "Việc được báo cáo thuộc nhóm giải pháp của đúng khuyết điểm.",
            "Reported actions belong to the shortcoming's solution groups.",
        ),
    ),
    "rule.progress-unit-role": _e(
        W,
        (
            "Đơn vị không được giao",
            'Đơn vị "{unit}" không chủ trì hay phối hợp việc nào của khuyết điểm "{shortcoming}".',
        ),
        ("Unit not assigned", 'Unit "{unit}" neither leads nor co-operates on any action of shortcoming "{shortcoming}".'),
        (
            "Đơn vị báo cáo tiến độ là đơn vị chủ trì, phối hợp, hoặc đơn vị tổng hợp báo cáo (nơi nhận báo cáo).",
            "Progress is reported by a lead or co-operating unit, or by the unit reports are sent to.",
        ),
    ),
    # -- rules: good models and surveys --------------------------------------------
    "rule.model-source-visit": _e(
        E,
        ("Không có chuyến đi", 'Cán bộ "{cadre}" không có chuyến đi đã báo cáo nào vào ngày {date}.'),
        ("No such visit", 'Cadre "{cadre}" has no reported visit on {date}.'),
        (
            "Mô hình phát hiện qua chuyến đi ứng với một chuyến đi đã báo cáo.",
            "A model found on a visit points at a reported visit.",
        ),
    ),
    "rule.model-source-inspection": _e(
        E,
        ("Không có buổi kiểm tra", 'Không có kết quả kiểm tra đơn vị "{unit}" trong kế hoạch "{plan}".'),
        ("No such inspection", 'There is no result for unit "{unit}" in inspection plan "{plan}".'),
        ("Mô hình phát hiện qua kiểm tra ứng với một kết quả kiểm tra.", "A model found in an inspection points at a result."),
    ),
    "rule.target-inconsistent": _e(
        W,
        (
            "Mức hoàn thành không khớp số liệu",
            'Chỉ tiêu {code}: mức "{completion}" không khớp số đã đạt {achieved}/{target}.',
        ),
        ("Completion vs figures", 'Target {code}: level "{completion}" does not fit {achieved}/{target}.'),
        ("Mức độ hoàn thành chỉ tiêu khớp số liệu đã đạt.", "A target's completion level agrees with its figures."),
    ),
    "rule.creativity-counts": _e(
        E,
        (
            "Số liệu sáng tạo không hợp lý",
            "Số ý tưởng được hỗ trợ ({supported}) hay được tuyên dương ({commended}) không thể nhiều hơn tổng số ý tưởng ({ideas}).",
        ),
        ("Creativity figures", "Supported ({supported}) or commended ({commended}) ideas cannot exceed all ideas ({ideas})."),
        (
            "Số ý tưởng được hỗ trợ, tuyên dương không vượt tổng số ý tưởng.",
            "Supported and commended ideas never exceed all ideas.",
        ),
    ),
    "rule.term-order": _e(
        E,
        ("Nhiệm kỳ sai", "Năm bắt đầu nhiệm kỳ {start} sau năm kết thúc {end}."),
        ("Term reversed", "The term starts in {start}, after it ends in {end}."),
        ("Năm bắt đầu nhiệm kỳ không sau năm kết thúc.", "A term does not start after it ends."),
    ),
    # -- records from GitHub issue forms (site-gen from-issue) ------------------------
    "issue.empty": _e(
        E,
        ("Issue trống", "Issue không có nội dung; hãy điền các câu hỏi của mẫu."),
        ("Empty issue", "The issue has no content; answer the questions of the form."),
        ("Issue không có nội dung.", "The issue has no content."),
    ),
    "issue.unknown-form": _e(
        E,
        (
            "Không nhận ra mẫu",
            "Không nhận ra issue này theo mẫu nào: không có nhãn mẫu và các mục không khớp mẫu nào. "
            "Hãy tạo issue mới bằng một trong các mẫu: {forms_list}.",
        ),
        (
            "Unknown form",
            "This issue matches no form: it has no form label and its headings match no form. "
            "Open a new issue with one of the forms: {forms_list}.",
        ),
        ("Issue không có nhãn mẫu và các mục không khớp mẫu nào.", "The issue has no form label and matches no form."),
    ),
    "issue.form-mismatch": _e(
        E,
        (
            "Nhãn và nội dung khác mẫu",
            'Issue mang nhãn "{label}" ({form}) nhưng các mục lại là của mẫu {other_form}. '
            "Hãy tạo issue mới bằng đúng mẫu {other_form}, hoặc đổi nhãn của issue.",
        ),
        (
            "Label and content disagree",
            'The issue has label "{label}" ({form}) but its headings are those of {other_form}. '
            "Open a new issue with {other_form}, or change the issue's label.",
        ),
        ("Nhãn của issue là một mẫu, nội dung là mẫu khác.", "The issue's label names one form, its content another."),
    ),
    "issue.missing": _e(
        E,
        ("Chưa trả lời", "Chưa điền; đây là câu hỏi bắt buộc."),
        ("No answer", "Not answered; this question is required."),
        ("Câu hỏi bắt buộc của mẫu chưa được trả lời.", "A required question of the form is not answered."),
    ),
    "issue.unchecked": _e(
        E,
        ("Chưa xác nhận", 'Chưa đánh dấu ô "{option}".'),
        ("Not confirmed", 'The box "{option}" is not ticked.'),
        ("Ô xác nhận bắt buộc chưa được đánh dấu.", "A required confirmation box is not ticked."),
    ),
    "issue.bad-date": _e(
        E,
        ("Ngày không đọc được", "Không đọc được ngày; hãy ghi ngày/tháng/năm, ví dụ 15/02/2026 (hoặc 2026-02-15)."),
        ("Unreadable date", "This is not a date; write day/month/year, e.g. 15/02/2026 (or 2026-02-15)."),
        ("Ngày không đúng dạng ngày/tháng/năm hoặc không có thật.", "A date not in day/month/year form, or not a real date."),
    ),
    "issue.bad-number": _e(
        E,
        ("Số ngày không phải số", "Không phải một số; hãy ghi số ngày bằng chữ số, ví dụ 30 hoặc 30 ngày."),
        ("Not a number", "This is not a number; write the number of days in digits, e.g. 30 or 30 ngày."),
        ("Số ngày không viết bằng chữ số.", "A number of days not written in digits."),
    ),
    "issue.bad-quarter": _e(
        E,
        ("Quý không đọc được", "Không đọc được quý; hãy chọn Quý I, Quý II, Quý III hoặc Quý IV."),
        ("Unreadable quarter", "This is not a quarter; choose Quý I, Quý II, Quý III or Quý IV."),
        ("Quý không phải I, II, III hoặc IV.", "A quarter other than I, II, III or IV."),
    ),
    "issue.bad-choice": _e(
        E,
        ("Lựa chọn không có", "Không có lựa chọn này; hãy chọn một trong: {choices_list}."),
        ("Unknown choice", "There is no such choice; choose one of: {choices_list}."),
        ("Câu trả lời không phải một lựa chọn của mẫu.", "An answer that is not one of the form's choices."),
    ),
    "issue.bad-row": _e(
        E,
        (
            "Dòng không đủ cột",
            "Dòng này có {count} cột; mỗi dòng cần từ {minimum} đến {maximum} cột ngăn bằng dấu |: {columns_list}.",
        ),
        (
            "Wrong number of columns",
            "This row has {count} columns; each row needs {minimum} to {maximum} columns separated by |: {columns_list}.",
        ),
        ("Một dòng đăng ký không đủ hoặc thừa cột.", "A registration row with too few or too many columns."),
    ),
    "issue.unknown-plan": _e(
        E,
        ("Không có kế hoạch", "Không có {plan_kind} nào khớp; ghi năm hoặc mã kế hoạch, hiện có: {plans_list}."),
        ("Unknown plan", "No {plan_kind} matches; write the year or the plan's id, there are: {plans_list}."),
        ("Năm hoặc mã kế hoạch không khớp kế hoạch nào.", "A year or plan id that matches no plan."),
    ),
    "issue.ambiguous-plan": _e(
        E,
        ("Nhiều kế hoạch", "Có nhiều {plan_kind} khớp: {plans_list}; hãy ghi mã kế hoạch."),
        ("Several plans", "Several {plan_kind}s match: {plans_list}; write the plan's id."),
        ("Năm có nhiều kế hoạch cùng loại.", "A year with several plans of the kind."),
    ),
    "issue.unknown-cadre": _e(
        E,
        ("Không có cán bộ", "Không có cán bộ có mã hoặc họ tên này; ghi mã cán bộ (ví dụ tran-thi-mai) hoặc họ tên đầy đủ."),
        ("Unknown cadre", "No cadre has this id or name; write the cadre's id (e.g. tran-thi-mai) or full name."),
        ("Mã hoặc họ tên không khớp cán bộ nào.", "An id or name that matches no cadre."),
    ),
    "issue.ambiguous-cadre": _e(
        E,
        ("Nhiều cán bộ trùng tên", "Có nhiều cán bộ khớp: {matches_list}; hãy ghi mã cán bộ."),
        ("Several cadres", "Several cadres match: {matches_list}; write the cadre's id."),
        ("Họ tên khớp nhiều cán bộ.", "A name that matches several cadres."),
    ),
    "issue.unknown-unit": _e(
        E,
        (
            "Không có đơn vị",
            "Không có đơn vị có mã hoặc tên này; ghi mã đơn vị (ví dụ xa-tan-lap) hoặc tên, ví dụ Đoàn xã Tân Lập.",
        ),
        ("Unknown unit", "No unit has this id or name; write the unit's id (e.g. xa-tan-lap) or name, e.g. Đoàn xã Tân Lập."),
        ("Mã hoặc tên không khớp đơn vị nào.", "An id or name that matches no unit."),
    ),
    "issue.ambiguous-unit": _e(
        E,
        ("Nhiều đơn vị trùng tên", "Có nhiều đơn vị khớp: {matches_list}; hãy ghi mã đơn vị."),
        ("Several units", "Several units match: {matches_list}; write the unit's id."),
        ("Tên khớp nhiều đơn vị.", "A name that matches several units."),
    ),
    "issue.unknown-category": _e(
        E,
        ("Không có nội dung", "Kế hoạch {plan} không có nội dung này; ghi mã nội dung ({codes_list}) hoặc tên nội dung."),
        ("Unknown category", "Plan {plan} has no such category; write its code ({codes_list}) or its name."),
        ("Nội dung không có trong kế hoạch.", "A category the plan does not have."),
    ),
    "issue.cadre-unit": _e(
        E,
        (
            "Cán bộ không thuộc đơn vị",
            "Cán bộ {cadre} thuộc {cadre_unit}, không thuộc đơn vị báo cáo {unit}; "
            "hãy sửa đơn vị báo cáo hoặc cán bộ (mỗi đơn vị báo cáo cán bộ của mình).",
        ),
        (
            "Cadre of another unit",
            "Cadre {cadre} belongs to {cadre_unit}, not to the reporting unit {unit}; "
            "correct the unit or the cadre (each unit reports its own cadres).",
        ),
        ("Cán bộ trong báo cáo quý không thuộc đơn vị báo cáo.", "A reported cadre who is not in the reporting unit."),
    ),
    "issue.not-scheduled": _e(
        E,
        ("Đơn vị không có lịch kiểm tra", "Đơn vị {unit} không có trong lịch kiểm tra của kế hoạch {plan}."),
        ("Unit not scheduled", "Unit {unit} is not in the schedule of inspection plan {plan}."),
        ("Đơn vị không có trong lịch của kế hoạch kiểm tra.", "A unit missing from the inspection plan's schedule."),
    ),
    "issue.exception-incomplete": _e(
        E,
        ("Thiếu thông tin chấp thuận", "Chấp thuận tài liệu trễ cần ghi cả người chấp thuận và lý do."),
        ("Incomplete exception", "Accepting late documents needs both who accepted them and why."),
        ("Chấp thuận tài liệu trễ thiếu người hoặc lý do.", "A late-documents exception without its approver or reason."),
    ),
    "issue.unknown-shortcoming": _e(
        E,
        ("Không có khuyết điểm", "Kế hoạch {plan} không có khuyết điểm này; ghi mã khuyết điểm: {codes_list}."),
        ("Unknown shortcoming", "Plan {plan} has no such shortcoming; write its id: {codes_list}."),
        ("Khuyết điểm không có trong kế hoạch khắc phục.", "A shortcoming the remediation plan does not have."),
    ),
    "issue.unknown-action": _e(
        E,
        ("Không có việc", 'Kế hoạch {plan} không có việc "{action}"; các mã việc: {codes_list}.'),
        ("Unknown action", 'Plan {plan} has no action "{action}"; action ids: {codes_list}.'),
        ("Việc không có trong kế hoạch khắc phục.", "An action the remediation plan does not have."),
    ),
    "issue.period-conflict": _e(
        E,
        (
            "Trùng ngày báo cáo",
            "Đơn vị đã có báo cáo ngày {submitted_date} ({path}) cho một kỳ khác; hãy ghi đúng kỳ hoặc đổi ngày báo cáo.",
        ),
        (
            "Report date taken",
            "The unit already has a report dated {submitted_date} ({path}) for another period; fix the period or the date.",
        ),
        ("Ngày báo cáo đã dùng cho một kỳ khác.", "A report date already used for another period."),
    ),
    "issue.target-broken": _e(
        E,
        (
            "Tệp đang có lỗi",
            "Tệp {path} cần cập nhật đang có lỗi, không đọc được; hãy sửa tệp đó trước rồi sửa issue để chạy lại.",
        ),
        ("Target file broken", "File {path}, which must be updated, is broken; fix it first, then edit the issue to run again."),
        ("Tệp hồ sơ cần cập nhật không đọc được.", "The record file to update cannot be read."),
    ),
    "issue.check-problem": _e(
        E,
        ("Hồ sơ tạo ra có lỗi", "{message} (mã lỗi {code})"),
        ("The record has an error", "{message} (code {code})"),
        ("Hồ sơ tạo từ issue không qua được site-gen check.", "The record made from the issue fails site-gen check."),
    ),
    "issue.text-found": _e(
        W,
        ("Dòng lỗi trong bình luận", '**{field}**: đã ghi "{found}". {message}'),
        ("Problem line of the comment", '**{field}**: found "{found}". {message}'),
        ("Một dòng trong bình luận lỗi: mục, chữ đã ghi, cách sửa.", "A line of the comment: field, text found, fix."),
    ),
    "issue.text-field": _e(
        W,
        ("Dòng lỗi không có chữ", "**{field}** — {message}"),
        ("Problem line without text", "**{field}**: {message}"),
        ("Một dòng trong bình luận lỗi khi mục để trống.", "A line of the comment for an empty field."),
    ),
    "issue.text-row": _e(
        W,
        ("Tên dòng", "{field}, dòng {row}"),
        ("Row name", "{field}, row {row}"),
        ("Tên một dòng của ô nhiều dòng.", "The name of one row of a multi-line answer."),
    ),
    "issue.text-column": _e(
        W,
        ("Tên cột", "{field}, dòng {row}, cột {column}"),
        ("Column name", "{field}, row {row}, column {column}"),
        ("Tên một cột của một dòng.", "The name of one column of a row."),
    ),
    "issue.text-comment-title": _e(
        W,
        ("Tiêu đề bình luận lỗi", "Chưa tạo được hồ sơ từ issue này"),
        ("Title of the problem comment", "No record could be made from this issue"),
        ("Tiêu đề bình luận khi issue có lỗi.", "Title of the comment on an issue with problems."),
    ),
    "issue.text-comment-intro": _e(
        W,
        ("Mở đầu bình luận lỗi", "Mẫu: **{form}**. Có {count} chỗ cần sửa:"),
        ("Opening of the problem comment", "Form: **{form}**. {count} things to fix:"),
        ("Câu mở đầu bình luận lỗi.", "Opening sentence of the problem comment."),
    ),
    "issue.text-comment-howto": _e(
        W,
        (
            "Cách sửa",
            "**Cách sửa:** mở issue, bấm dấu **⋯** ở góc ô nội dung › **Edit**, sửa các mục nêu trên rồi bấm "
            "**Update comment**. Hệ thống tự kiểm tra lại mỗi lần issue được sửa; không cần tạo issue mới.",
        ),
        (
            "How to fix",
            "**How to fix:** open the issue, click **⋯** on its body › **Edit**, correct the answers above and click "
            "**Update comment**. Every edit runs the check again; there is no need for a new issue.",
        ),
        ("Hướng dẫn sửa issue.", "How to correct the issue."),
    ),
    "issue.text-answers": _e(
        W,
        ("Câu trả lời đã gửi", "Các câu trả lời đã gửi (chép lại để không mất)"),
        ("Answers sent", "The answers sent (copied here so nothing is lost)"),
        ("Tiêu đề phần chép lại câu trả lời.", "Heading of the copy of the answers."),
    ),
    "issue.text-no-answer": _e(
        W,
        ("Không trả lời", "(không trả lời)"),
        ("No answer", "(no answer)"),
        ("Một câu hỏi để trống.", "A question left empty."),
    ),
    "issue.text-marker": _e(
        W,
        ("Ghi chú nguồn", "Từ issue #{issue}"),
        ("Source note", "From issue #{issue}"),
        ("Chú thích YAML trước dòng do issue thêm vào.", "YAML comment before a row an issue added."),
    ),
    "issue.title-registration": _e(
        W,
        ("Tiêu đề mẫu 1", "[Mẫu 1] Đăng ký đi cơ sở năm {year}: {cadre_name}"),
        ("Form 1 title", "[Form 1] Field-visit registration {year}: {cadre_name}"),
        ("Tiêu đề pull request của bản đăng ký.", "Pull request title of a registration."),
    ),
    "issue.title-quarterly-report": _e(
        W,
        ("Tiêu đề mẫu 3", "[Mẫu 3] Báo cáo quý {quarter}/{year} của {unit_name}: {cadre_name}"),
        ("Form 3 title", "[Form 3] Q{quarter}/{year} report of {unit_name}: {cadre_name}"),
        ("Tiêu đề pull request của dòng báo cáo quý.", "Pull request title of a quarterly report row."),
    ),
    "issue.title-inspection-result": _e(
        W,
        ("Tiêu đề nhận tài liệu", "[Kiểm tra] Nhận tài liệu của {unit_name} ngày {received_date}"),
        ("Documents title", "[Inspection] Documents of {unit_name} received {received_date}"),
        ("Tiêu đề pull request ghi ngày nhận tài liệu.", "Pull request title of a documents-received date."),
    ),
    "issue.title-remediation-progress": _e(
        W,
        ("Tiêu đề tiến độ khắc phục", "[Khắc phục] {unit_name}: khuyết điểm {shortcoming}, báo cáo ngày {submitted_date}"),
        ("Remediation title", "[Remediation] {unit_name}: shortcoming {shortcoming}, report of {submitted_date}"),
        ("Tiêu đề pull request của báo cáo tiến độ khắc phục.", "Pull request title of a remediation progress report."),
    ),
    "issue.text-record": _e(
        W,
        ("Dòng hồ sơ", "**Hồ sơ:** {kind_label} (<code>{kind}</code>) — **Đơn vị:** {unit_name} (<code>{unit}</code>)"),
        ("Record line", "**Record:** {kind_label} (<code>{kind}</code>) — **Unit:** {unit_name} (<code>{unit}</code>)"),
        ("Dòng loại hồ sơ và đơn vị trong pull request.", "The record kind and unit line of the pull request."),
    ),
    "issue.text-created": _e(
        W,
        ("Tạo tệp", "Tạo tệp mới <code>{path}</code>."),
        ("File created", "New file <code>{path}</code>."),
        ("Pull request tạo tệp mới.", "The pull request adds a file."),
    ),
    "issue.text-registration-replaced": _e(
        W,
        (
            "Thay bản đăng ký",
            "Cán bộ đã có bản đăng ký <code>{path}</code> cho kế hoạch này: các dòng đăng ký được thay bằng nội dung của issue "
            "(không tạo bản thứ hai).",
        ),
        (
            "Registration replaced",
            "The cadre already has registration <code>{path}</code> for this plan: its rows are replaced by the issue's "
            "(no second registration).",
        ),
        ("Pull request thay nội dung bản đăng ký đã có.", "The pull request replaces an existing registration's rows."),
    ),
    "issue.text-approval-dropped": _e(
        W,
        (
            "Bỏ phê duyệt cũ",
            "Nội dung đăng ký thay đổi nên phê duyệt cũ (của {approver}) được bỏ; lãnh đạo ban, văn phòng duyệt lại.",
        ),
        ("Approval dropped", "The rows changed, so the earlier approval (by {approver}) is removed; the head approves again."),
        ("Pull request bỏ phê duyệt cũ vì nội dung đổi.", "The pull request drops an approval of changed rows."),
    ),
    "issue.text-row-added": _e(
        W,
        ("Thêm dòng", "Thêm dòng {row} (chuyến đi mới) vào báo cáo quý đã có <code>{path}</code> của đơn vị."),
        ("Row added", "Adds row {row} (a new visit) to the unit's existing quarterly report <code>{path}</code>."),
        ("Pull request thêm một dòng vào báo cáo quý đã có.", "The pull request adds a row to an existing report."),
    ),
    "issue.text-row-replaced": _e(
        W,
        (
            "Thay dòng",
            "Thay dòng {row} của báo cáo quý <code>{path}</code> (dòng do issue này gửi trước đó, hoặc cùng cán bộ và thời gian), "
            "không thêm dòng trùng.",
        ),
        (
            "Row replaced",
            "Replaces row {row} of quarterly report <code>{path}</code> (sent earlier by this issue, or same cadre and dates) "
            "instead of adding a duplicate.",
        ),
        ("Pull request thay một dòng đã có của báo cáo quý.", "The pull request replaces a row of a report."),
    ),
    "issue.text-submitted-moved": _e(
        W,
        ("Đổi ngày nộp", "Ngày nộp của báo cáo đổi từ {old_date} thành {new_date} (chuyến đi kết thúc sau ngày nộp cũ)."),
        ("Submission date moved", "The report's submission date moves from {old_date} to {new_date} (the visit ends after it)."),
        ("Pull request đổi ngày nộp của báo cáo.", "The pull request moves a report's submission date."),
    ),
    "issue.text-documents-scheduled": _e(
        W,
        (
            "Tạo kết quả chờ kiểm tra",
            "Tạo tệp <code>{path}</code>: kết quả kiểm tra ở tình trạng chờ kiểm tra, ghi ngày nhận tài liệu {received_date}; "
            "sau buổi kiểm tra, Ban Tổ chức – Kiểm tra ghi điểm, xếp loại và đổi tình trạng.",
        ),
        (
            "Scheduled result created",
            "Creates <code>{path}</code>: an inspection result waiting for its visit, with documents received on {received_date}; "
            "after the visit the inspection department adds the scores and classification and changes the status.",
        ),
        ("Pull request tạo kết quả chờ kiểm tra.", "The pull request creates a result waiting for its visit."),
    ),
    "issue.text-documents-set": _e(
        W,
        (
            "Ghi ngày nhận tài liệu",
            "Ghi ngày nhận tài liệu {received_date} vào thông báo kết quả <code>{path}</code> (trước đó: {before}).",
        ),
        (
            "Date received set",
            "Sets the date documents were received to {received_date} in result <code>{path}</code> (before: {before}).",
        ),
        ("Pull request ghi ngày nhận tài liệu.", "The pull request records when documents arrived."),
    ),
    "issue.text-item-added": _e(
        W,
        ("Thêm khuyết điểm", "Thêm tiến độ khuyết điểm {shortcoming} vào báo cáo cùng kỳ đã có <code>{path}</code>."),
        ("Item added", "Adds progress on shortcoming {shortcoming} to the existing report of the period <code>{path}</code>."),
        ("Pull request thêm một khuyết điểm vào báo cáo đã có.", "The pull request adds an item to a report."),
    ),
    "issue.text-item-replaced": _e(
        W,
        (
            "Thay khuyết điểm",
            "Thay tiến độ khuyết điểm {shortcoming} trong báo cáo cùng kỳ đã có <code>{path}</code> (không thêm dòng trùng).",
        ),
        (
            "Item replaced",
            "Replaces progress on shortcoming {shortcoming} in the existing report <code>{path}</code> (no duplicate).",
        ),
        ("Pull request thay tiến độ một khuyết điểm.", "The pull request replaces an item of a report."),
    ),
    "issue.text-fields": _e(
        W,
        ("Bảng nội dung", "| Mục | Nội dung |"),
        ("Field table", "| Field | Value |"),
        ("Đầu bảng nội dung trong pull request.", "Header of the pull request's field table."),
    ),
    "issue.text-rows": _e(
        W,
        ("Bảng dòng đăng ký", "| # | Nội dung | Số ngày | Từ ngày | Đến ngày | Địa điểm |"),
        ("Row table", "| # | Category | Days | From | To | Places |"),
        ("Đầu bảng các dòng đăng ký.", "Header of the registration rows table."),
    ),
    "issue.text-source": _e(
        W,
        ("Nguồn", "Tạo tự động từ issue #{issue} của @{author} bằng `site-gen from-issue`."),
        ("Source", "Made automatically from issue #{issue} by @{author} with `site-gen from-issue`."),
        ("Nguồn của pull request.", "Where the pull request comes from."),
    ),
    "issue.text-source-plain": _e(
        W,
        ("Nguồn", "Tạo tự động bằng `site-gen from-issue`."),
        ("Source", "Made automatically with `site-gen from-issue`."),
        ("Nguồn của pull request khi không rõ issue.", "Where the pull request comes from, issue unknown."),
    ),
    "issue.text-check-clean": _e(
        W,
        ("Kiểm tra sạch", "`site-gen check`: hồ sơ không có lỗi, không có cảnh báo."),
        ("Check clean", "`site-gen check`: the record has no error and no warning."),
        ("Kết quả kiểm tra không lỗi.", "A clean check."),
    ),
    "issue.text-check-warnings": _e(
        W,
        ("Kiểm tra có cảnh báo", "`site-gen check`: hồ sơ không có lỗi; {count} cảnh báo để người duyệt xem xét:"),
        ("Check with warnings", "`site-gen check`: the record has no error; {count} warnings for the reviewer:"),
        ("Kết quả kiểm tra có cảnh báo.", "A check with warnings."),
    ),
    "issue.text-review": _e(
        W,
        (
            "Hướng dẫn duyệt",
            "Người duyệt của đơn vị đọc lại nội dung rồi duyệt pull request. Muốn sửa, hãy sửa issue: "
            "pull request được cập nhật theo.",
        ),
        ("Review note", "The unit's approver reads the content and approves the pull request. To change it, edit the issue."),
        ("Hướng dẫn duyệt pull request.", "How the pull request is reviewed."),
    ),
    "issue.text-closes": _e(
        W,
        ("Đóng issue", "Closes #{issue} (hợp nhất pull request này sẽ đóng issue)"),
        ("Close issue", "Closes #{issue} (merging this pull request closes the issue)"),
        ("Dòng đóng issue khi hợp nhất.", "The line that closes the issue on merge."),
    ),
    "issue.text-cut-comment": _e(
        W,
        (
            "Bình luận bị cắt",
            "Bình luận quá dài nên đã cắt bớt ở đây; các câu trả lời đầy đủ vẫn còn nguyên trong nội dung issue.",
        ),
        ("Comment cut", "The comment was too long and stops here; the full answers are still in the issue itself."),
        (
            "Ghi chú cuối bình luận lỗi đã bị cắt cho vừa giới hạn của GitHub.",
            "Note ending a problem comment cut to GitHub's limit.",
        ),
    ),
    "issue.text-cut-body": _e(
        W,
        (
            "Nội dung pull request bị cắt",
            "Nội dung quá dài nên đã cắt bớt ở đây; xem toàn bộ hồ sơ trong thẻ Files changed của pull request.",
        ),
        (
            "Body cut",
            "The description was too long and stops here; see the whole record in the pull request's Files changed tab.",
        ),
        ("Ghi chú cuối nội dung pull request đã bị cắt.", "Note ending a pull request body cut to GitHub's limit."),
    ),
    # -- importing Word and Excel forms (site-gen import) ------------------------------
    "office.not-office": _e(
        E,
        (
            "Tệp không đúng định dạng",
            "Tệp này không phải tệp {expected} (nội dung là {looks}); hãy mở biểu mẫu bằng Excel hoặc Word "
            "rồi chọn Lưu thành… (Save As) đúng định dạng {expected}.",
        ),
        (
            "Not an Office file",
            "This file is not a {expected} file (its content is {looks}); open the form in Excel or Word and Save As {expected}.",
        ),
        ("Tệp nhập vào không phải tệp .xlsx hoặc .docx.", "The imported file is not an .xlsx or .docx file."),
    ),
    "office.encrypted": _e(
        E,
        (
            "Tệp có mật khẩu",
            "Tệp được đặt mật khẩu nên không đọc được; hãy mở tệp, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ › Mã hóa bằng mật khẩu: để trống) rồi lưu và gửi lại.",
        ),
        (
            "Password-protected file",
            "The file is password-protected and cannot be read; open it, remove the password "
            "(File › Info › Protect › Encrypt with Password: empty), save and send it again.",
        ),
        ("Tệp Word, Excel được đặt mật khẩu.", "A password-protected Word or Excel file."),
    ),
    "office.old-format": _e(
        E,
        (
            "Định dạng cũ",
            "Tệp dạng {old} (Office 97-2003) không được hỗ trợ; hãy mở tệp rồi chọn Lưu thành… (Save As) dạng {new}.",
        ),
        ("Old format", "{old} files (Office 97-2003) are not supported; open the file and Save As {new}."),
        ("Tệp .doc hoặc .xls kiểu cũ.", "An old-style .doc or .xls file."),
    ),
    "office.too-large": _e(
        E,
        ("Tệp quá lớn", "Tệp nặng {size} byte, vượt giới hạn {limit} byte của một biểu mẫu."),
        ("File too large", "The file has {size} bytes, over the {limit}-byte limit for a form."),
        ("Tệp biểu mẫu quá lớn.", "A form file that is too large."),
    ),
    "office.too-many-rows": _e(
        E,
        ("Quá nhiều dòng", "{sheet} có {rows} dòng, vượt giới hạn {limit} dòng của một biểu mẫu; hãy xóa các dòng thừa."),
        ("Too many rows", "{sheet} has {rows} rows, over the {limit}-row limit for a form; delete the extra rows."),
        ("Trang tính hoặc bảng có quá nhiều dòng.", "A sheet or table with too many rows."),
    ),
    "office.zip-bomb": _e(
        E,
        (
            "Tệp giải nén quá lớn",
            "Nội dung tệp khi giải nén nặng {size} byte, vượt giới hạn {limit} byte; tệp này không phải một biểu mẫu bình thường.",
        ),
        (
            "Unpacked size too large",
            "The file unpacks to {size} bytes, over the {limit}-byte limit; it is not an ordinary form.",
        ),
        ("Tệp nén có kích thước giải nén bất thường.", "A file whose unpacked size is absurd."),
    ),
    "office.formula": _e(
        E,
        (
            "Ô chứa công thức",
            "Ô {cell} chứa công thức, không phải giá trị; hãy chép các ô rồi dán giá trị (Paste Special › Values) trước khi gửi.",
        ),
        (
            "Formula in a cell",
            "Cell {cell} holds a formula, not a value; copy the cells and paste the values (Paste Special › Values) before sending.",
        ),
        ("Ô của biểu mẫu chứa công thức thay vì giá trị.", "A form cell holding a formula instead of a value."),
    ),
    "office.merged-cells": _e(
        E,
        (
            "Gộp ô trong bảng",
            "Vùng {range} gộp nhiều ô trong thân bảng; hãy bỏ gộp ô (Merge & Center › Unmerge Cells) và ghi đủ từng ô.",
        ),
        (
            "Merged cells in the table",
            "Range {range} merges cells in the table body; unmerge them (Merge & Center › Unmerge Cells) and fill every cell.",
        ),
        ("Ô gộp qua nhiều dòng hoặc cột trong thân bảng.", "Cells merged across rows or columns in the table body."),
    ),
    "office.no-table": _e(
        E,
        (
            "Không thấy bảng",
            "Không tìm thấy bảng của biểu mẫu: cần một dòng tiêu đề cột (STT, Nội dung, Số ngày đi, Thời gian cụ thể, Địa điểm…).",
        ),
        (
            "No table",
            "The form's table was not found: it needs a header row (STT, Nội dung, Số ngày đi, Thời gian cụ thể, Địa điểm…).",
        ),
        ("Tệp không có bảng với dòng tiêu đề cột của biểu mẫu.", "A file without the form's table header."),
    ),
    "office.missing-column": _e(
        E,
        ("Thiếu cột", "Bảng thiếu cột {column}; các cột đã thấy: {columns_list}."),
        ("Missing column", "The table has no column {column}; columns found: {columns_list}."),
        ("Bảng thiếu một cột bắt buộc của biểu mẫu.", "A table without a required column of the form."),
    ),
    "office.missing": _e(
        E,
        ("Ô trống", "Chưa ghi; ô này bắt buộc."),
        ("Empty cell", "Empty; this cell is required."),
        ("Ô hoặc dòng bắt buộc của biểu mẫu để trống.", "A required cell or line of the form is empty."),
    ),
    "office.missing-achievements": _e(
        E,
        ("Thiếu mặt được", "Cột kết quả cần ít nhất dòng “Mặt được: …”."),
        ("No achievements", "The results column needs at least the line “Mặt được: …”."),
        ("Kết quả của mẫu 3 không có mặt được.", "Form 3 results without achievements."),
    ),
    "office.bad-period": _e(
        E,
        (
            "Thời gian không đọc được",
            "Không đọc được thời gian; hãy ghi “Từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy”, ví dụ Từ ngày 01/04/2026 đến ngày 30/04/2026.",
        ),
        (
            "Unreadable period",
            "This is not a period; write “Từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy”, e.g. Từ ngày 01/04/2026 đến ngày 30/04/2026.",
        ),
        ("Thời gian cụ thể không đúng dạng từ ngày … đến ngày ….", "A period not written as from … to …."),
    ),
    "office.no-plan": _e(
        E,
        (
            "Không xác định được kế hoạch",
            "Dòng dẫn chiếu không có số kế hoạch đã biết và dòng tiêu đề không có năm; "
            "hãy ghi “(Kèm theo Kế hoạch số …, ngày … của …)” đúng số kế hoạch.",
        ),
        (
            "Plan not found",
            "The reference line has no known plan number and the subtitle has no year; "
            "write “(Kèm theo Kế hoạch số …, ngày … của …)” with the plan's number.",
        ),
        ("Biểu mẫu không cho biết kế hoạch đi cơ sở nào.", "A form that does not say which field-visit plan it is for."),
    ),
    "office.no-quarter": _e(
        E,
        ("Không đọc được quý", "Dòng tiêu đề phụ cần ghi quý và năm, ví dụ “Kết quả đi công tác cơ sở quý III năm 2026”."),
        ("Unreadable quarter", "The subtitle needs the quarter and year, e.g. “Kết quả đi công tác cơ sở quý III năm 2026”."),
        ("Mẫu 3 không ghi quý.", "Form 3 without its quarter."),
    ),
    "office.no-unit": _e(
        E,
        (
            "Không rõ đơn vị",
            "Biểu mẫu không ghi tên đơn vị dưới tên Ban Chấp hành; hãy ghi tên đơn vị hoặc thêm --unit MÃ_ĐƠN_VỊ.",
        ),
        ("Unit unknown", "The form has no unit line under the committee; write the unit or add --unit UNIT."),
        ("Mẫu 3 không cho biết đơn vị báo cáo.", "Form 3 that does not say which unit reports."),
    ),
    "office.no-rows": _e(
        E,
        ("Bảng trống", "Bảng không có dòng nào đã điền (các dòng ví dụ VD1, VD2 không tính)."),
        ("Empty table", "The table has no filled row (the example rows VD1, VD2 do not count)."),
        ("Bảng của biểu mẫu không có dòng nào.", "A form table without rows."),
    ),
    "office.check-problem": _e(
        E,
        ("Hồ sơ tạo ra có lỗi", "{message} (mã lỗi {code})"),
        ("The record has an error", "{message} (code {code})"),
        ("Hồ sơ nhập từ biểu mẫu không qua được site-gen check.", "A record imported from a form fails site-gen check."),
    ),
    "office.example-row": _e(
        W,
        ("Dòng ví dụ", "Đây là dòng ví dụ của mẫu trống nên được bỏ qua."),
        ("Example row", "This is an example row of the blank form; it is skipped."),
        ("Dòng ví dụ (VD1, VD2) của mẫu trống được bỏ qua.", "An example row (VD1, VD2) of the blank form, skipped."),
    ),
    "office.unplaced-text": _e(
        W,
        (
            "Chữ không có chỗ trong hồ sơ",
            "Chữ này không thuộc trường nào của hồ sơ nên không được nhập; nếu cần, hãy ghi vào đúng cột hoặc dòng của biểu mẫu.",
        ),
        (
            "Text with no field",
            "This text belongs to no field of the record and is not imported; if it matters, write it in the right column or line.",
        ),
        ("Chữ trong biểu mẫu không có chỗ trong hồ sơ.", "Text of the form that has no place in the record."),
    ),
    "office.unknown-column": _e(
        W,
        ("Cột lạ", "Cột “{column}” không có trong {form}; nội dung của cột không được nhập."),
        ("Unknown column", "Column “{column}” is not part of {form}; its content is not imported."),
        ("Bảng có cột không thuộc biểu mẫu.", "A table column that is not part of the form."),
    ),
    "office.total-mismatch": _e(
        W,
        ("Dòng tổng không khớp", "Dòng tổng ghi {total} ngày nhưng các dòng cộng lại {sum} ngày."),
        ("Totals row disagrees", "The totals row says {total} days but the rows add up to {sum} days."),
        ("Số ngày ở dòng tổng khác tổng các dòng.", "A totals row that differs from the sum of the rows."),
    ),
    "office.days-from-span": _e(
        W,
        ("Số ngày theo thời gian", "Bảng không có cột Số ngày đi: lấy số ngày theo thời gian cụ thể ({days} ngày)."),
        ("Days from the period", "The table has no days column: the days are the period's length ({days} days)."),
        ("Mẫu 2 không có cột số ngày; số ngày lấy theo thời gian.", "Form 2 without a days column; days taken from the period."),
    ),
    "office.submitted-today": _e(
        W,
        ("Chưa ghi ngày", "Dòng địa danh, ngày tháng chưa ghi ngày: lấy ngày nộp là {submitted_date}."),
        ("No date", "The place-and-date line has no date: the submission date is {submitted_date}."),
        ("Biểu mẫu chưa ghi ngày; lấy ngày nhập.", "A form without its date; the import date is used."),
    ),
    "office.approval-dropped": _e(
        W,
        ("Bỏ phê duyệt cũ", "Các dòng đăng ký đã thay đổi nên phê duyệt cũ của {approver} được bỏ; cần phê duyệt lại."),
        ("Approval dropped", "The registration rows changed, so the earlier approval by {approver} is dropped; approve again."),
        ("Nhập lại làm đổi các dòng đã phê duyệt.", "A re-import that changes approved rows."),
    ),
    "office.text-title": _e(
        W,
        ("Tiêu đề kết quả nhập", "Nhập {form} từ tệp {file}"),
        ("Import summary title", "Importing {form} from {file}"),
        ("Dòng đầu kết quả lệnh import.", "First line of the import summary."),
    ),
    "office.text-created": _e(
        W,
        ("Tệp tạo mới", "Tạo mới {path}"),
        ("File created", "Created {path}"),
        ("Một tệp hồ sơ được tạo.", "A record file created."),
    ),
    "office.text-updated": _e(
        W,
        ("Tệp cập nhật", "Cập nhật {path}, thay đổi:"),
        ("File updated", "Updated {path}, changes:"),
        ("Một tệp hồ sơ được cập nhật.", "A record file updated."),
    ),
    "office.text-change": _e(
        W,
        ("Một thay đổi", "{field}: {before} → {after}"),
        ("One change", "{field} changed from {before} to {after}"),
        ("Một trường thay đổi khi cập nhật.", "A field changed by an update."),
    ),
    "office.text-unchanged": _e(
        W,
        ("Tệp không đổi", "Không đổi {path} (đã có đúng nội dung này)"),
        ("File unchanged", "Unchanged {path} (it already holds this content)"),
        ("Hồ sơ đã có đúng nội dung nhập.", "A record that already holds the imported content."),
    ),
    "office.text-notices": _e(
        W,
        ("Mục thông báo", "Thông báo ({count}):"),
        ("Notices heading", "Notices ({count}):"),
        ("Đầu mục thông báo.", "Heading of the notices."),
    ),
    "office.text-errors": _e(
        W,
        ("Mục lỗi", "Lỗi ({count}):"),
        ("Errors heading", "Errors ({count}):"),
        ("Đầu mục lỗi.", "Heading of the errors."),
    ),
    "office.text-found": _e(
        W,
        ("Dòng lỗi có chữ", "{where}: đã ghi “{found}”. {message}"),
        ("Problem line with text", "{where}: found “{found}”. {message}"),
        ("Một lỗi: chỗ, chữ đã ghi, cách sửa.", "One problem: where, text found, fix."),
    ),
    "office.text-where": _e(
        W,
        ("Dòng lỗi", "{where}: {message}"),
        ("Problem line", "In {where}: {message}"),
        ("Một lỗi: chỗ và cách sửa.", "One problem: where and fix."),
    ),
    "office.text-nothing-written": _e(
        W,
        (
            "Không ghi tệp nào",
            "Không ghi tệp nào vì biểu mẫu còn lỗi; hãy sửa các lỗi trên rồi nhập lại "
            "(hoặc thêm --partial để ghi những phần không lỗi).",
        ),
        (
            "Nothing written",
            "No file was written because the form has errors; fix them and import again "
            "(or add --partial to write what has no error).",
        ),
        ("Biểu mẫu có lỗi nên không ghi gì.", "A form with errors: nothing written."),
    ),
    "office.text-left-out": _e(
        W,
        ("Phần bỏ ra ngoài", "Chưa nhập (bỏ ra ngoài): {records_list}."),
        ("Left out", "Not imported (left out): {records_list}."),
        ("Những dòng, hồ sơ không được nhập.", "The rows or records left out."),
    ),
    "office.text-done": _e(
        W,
        ("Kết quả", "Kết quả: {created} tệp tạo mới, {updated} tệp cập nhật, {unchanged} tệp không đổi."),
        ("Result", "Result: {created} files created, {updated} updated, {unchanged} unchanged."),
        ("Dòng cuối kết quả lệnh import.", "Last line of the import summary."),
    ),
    # -- set-up and usage (exit 2) ---------------------------------------------------
    "setup.io": _e(
        E,
        ("Không đọc, ghi được tệp", "Không đọc hoặc ghi được tệp {path}: {detail}."),
        ("File not readable or writable", "Cannot read or write file {path}: {detail}."),
    ),
    "setup.no-root": _e(
        E,
        ("Không có thư mục", "Không tìm thấy thư mục kho dữ liệu {path}."),
        ("No root", "Repository folder {path} not found."),
    ),
    "setup.no-submissions": _e(
        E,
        ("Không có thư mục hồ sơ", "Không có thư mục hồ sơ {path}; hãy chạy lệnh trong kho dữ liệu hoặc dùng --root."),
        ("No submissions", "There is no submissions folder {path}; run in a data repository or pass --root."),
    ),
    "setup.no-schemas": _e(
        E,
        ("Không có thư mục mẫu", "Không có thư mục mẫu hồ sơ (JSON Schema) {path}."),
        ("No schemas", "There is no schemas folder {path}."),
    ),
    "setup.missing-schema": _e(
        E,
        ("Thiếu mẫu hồ sơ", "Thiếu tệp mẫu hồ sơ {path}."),
        ("Missing schema", "Schema file {path} is missing."),
    ),
    "setup.schema-not-file": _e(
        E,
        (
            "Mẫu hồ sơ không phải tệp thường",
            "Mẫu hồ sơ {path} là liên kết, FIFO, thiết bị hoặc nặng quá {limit} byte; "
            "công cụ chỉ đọc mẫu hồ sơ từ tệp thường trong thư mục schemas/.",
        ),
        (
            "Schema is not a plain file",
            "Schema {path} is a link, a FIFO, a device or over {limit} bytes; schemas are read only from plain files in schemas/.",
        ),
    ),
    "setup.bad-schema": _e(
        E,
        ("Mẫu hồ sơ hỏng", "Tệp mẫu hồ sơ {path} không dùng được: {detail}."),
        ("Broken schema", "Schema {path} is unusable: {detail}."),
    ),
    "setup.bad-path": _e(
        E,
        ("Đường dẫn ngoài kho", "Đường dẫn {path} không nằm trong kho dữ liệu {root}; chỉ báo lỗi được cho tệp trong kho."),
        ("Path outside", "Path {path} is not inside the repository {root}; problems are reported only for its files."),
    ),
    "setup.no-path": _e(
        E,
        ("Không có đường dẫn", "Không có tệp hay thư mục {path}; hãy kiểm tra lại đường dẫn (tính từ thư mục hiện tại)."),
        ("No such path", "There is no file or folder {path}; check the path (taken from the current folder)."),
    ),
    "setup.option-twice": _e(
        E,
        (
            "Tham số ghi hai lần",
            "Tham số {option} được ghi hai lần với hai giá trị khác nhau ({before} và {after}); chỉ ghi một lần.",
        ),
        ("Option given twice", "Option {option} is given twice with different values ({before} and {after}); give it once."),
    ),
    "setup.usage": _e(
        E,
        ("Sai cách dùng lệnh", "{detail}"),
        ("Usage", "{detail}"),
    ),
    "setup.exists": _e(
        E,
        ("Tệp đã có", "Tệp {path} đã có; dùng --force để ghi đè."),
        ("File exists", "{path} already exists; use --force to overwrite."),
    ),
    "setup.git": _e(
        E,
        ("Không đọc được git", "Không đọc được phiên bản {rev} trong kho git: {detail}"),
        ("Git failed", "Cannot read revision {rev} from the git repository: {detail}"),
    ),
    "setup.no-plan": _e(
        E,
        ("Không có kế hoạch năm", "Không có kế hoạch đi cơ sở nào cho năm {year}."),
        ("No plan for the year", "There is no field-visit plan for {year}."),
    ),
    "setup.write-refused": _e(
        E,
        (
            "Không ghi vào chỗ này",
            "Không ghi {path}: chỗ đó là một thư mục hoặc một liên kết tượng trưng (symlink), hoặc nằm trong một "
            "liên kết như vậy; hãy sửa thư mục hồ sơ rồi chạy lại.",
        ),
        (
            "Refused to write here",
            "Not writing {path}: it is a folder or a symbolic link, or lies under one; fix the records folder and run again.",
        ),
    ),
    "setup.changed-during-run": _e(
        E,
        ("Tệp đổi trong lúc chạy", "Tệp {path} bị sửa trong lúc lệnh đang chạy; hãy chạy lại lệnh."),
        ("File changed during the run", "{path} was changed while the command ran; run it again."),
    ),
    "setup.cache-dropped": _e(
        W,
        (
            "Bỏ bộ nhớ đệm hỏng",
            "bộ nhớ đệm .site-gen-cache bị hỏng ({file}); đã bỏ nó và kiểm tra lại mọi hồ sơ từ đầu.",
        ),
        (
            "Damaged cache dropped",
            "the .site-gen-cache cache was damaged ({file}); it was dropped and every record checked from scratch.",
        ),
    ),
    "setup.write-finished": _e(
        W,
        (
            "Ghi nốt lần ghi dở",
            "lần chạy trước dừng giữa chừng khi đang ghi {count} tệp vào kho; đã ghi nốt: {files_list}.",
        ),
        (
            "Interrupted write finished",
            "the previous run stopped while writing {count} files into the repository; they are now written: {files_list}.",
        ),
    ),
    # -- site-gen codeowners (exit 1: the register or the committed file) -------------------
    "setup.codeowners-register-errors": _e(
        E,
        (
            "Sổ đăng ký còn lỗi",
            "Sổ đăng ký đơn vị còn {errors} lỗi nên chưa lập {path}: người duyệt lấy từ sổ đăng ký. "
            "Chạy site-gen check để xem từng lỗi và sửa trước.",
        ),
        (
            "Register has errors",
            "The register of units has {errors} errors, so {path} is not generated: approvers come from the register. "
            "Run site-gen check to see each one and fix them first.",
        ),
    ),
    "setup.codeowners-owner-syntax": _e(
        E,
        (
            "Tên nhóm GitHub không hợp lệ",
            "{owner} (trong {file}) không phải tên tài khoản (@ten) hay nhóm GitHub (@to-chuc/ten-nhom) hợp lệ; "
            "GitHub sẽ báo lỗi dòng này trong CODEOWNERS.",
        ),
        (
            "Invalid GitHub owner",
            "{owner} (in {file}) is not a valid GitHub user (@name) or team (@org/team); "
            "GitHub would flag this line of CODEOWNERS as an error.",
        ),
    ),
    "setup.codeowners-owner-org": _e(
        E,
        (
            "Nhóm của tổ chức GitHub khác",
            "Nhóm {owner} (trong {file}) không thuộc tổ chức GitHub {org} giữ kho dữ liệu; "
            "CODEOWNERS chỉ dùng được nhóm của chính tổ chức đó.",
        ),
        (
            "Team of another organisation",
            "Team {owner} (in {file}) does not belong to {org}, the GitHub organisation owning the repository; "
            "CODEOWNERS can only use that organisation's teams.",
        ),
    ),
    "setup.codeowners-pattern": _e(
        E,
        ("Đường dẫn không hợp lệ", "Mẫu đường dẫn {pattern} không dùng được trong CODEOWNERS."),
        ("Invalid path pattern", "The path pattern {pattern} cannot be used in CODEOWNERS."),
    ),
    "setup.codeowners-written": _e(
        W,
        ("Đã ghi CODEOWNERS", "Đã ghi {path} ({rules} dòng quy tắc) theo sổ đăng ký đơn vị."),
        ("CODEOWNERS written", "Wrote {path} ({rules} rules) from the register of units."),
    ),
    "setup.codeowners-unchanged": _e(
        W,
        ("CODEOWNERS không đổi", "{path} đã khớp với sổ đăng ký đơn vị ({rules} dòng quy tắc), không cần ghi lại."),
        ("CODEOWNERS unchanged", "{path} already matches the register of units ({rules} rules); nothing written."),
    ),
    "setup.codeowners-current": _e(
        W,
        ("CODEOWNERS khớp", "{path} khớp với sổ đăng ký đơn vị."),
        ("CODEOWNERS current", "{path} matches the register of units."),
    ),
    "setup.codeowners-stale": _e(
        E,
        (
            "CODEOWNERS chưa cập nhật",
            "Tệp {path} chưa khớp với sổ đăng ký đơn vị: chạy site-gen codeowners rồi đưa tệp vào pull request. "
            "Khác biệt (- tệp hiện có, + tệp đúng):",
        ),
        (
            "CODEOWNERS out of date",
            "{path} does not match the register of units: run site-gen codeowners and commit it with the pull request. "
            "Difference (- committed, + expected):",
        ),
    ),
    "setup.codeowners-missing": _e(
        E,
        (
            "Chưa có CODEOWNERS",
            "Chưa có tệp {path}: chạy site-gen codeowners rồi đưa tệp vào pull request. Nội dung cần có:",
        ),
        (
            "CODEOWNERS missing",
            "There is no {path}: run site-gen codeowners and commit it with the pull request. Expected content:",
        ),
    ),
    "setup.check-failed": _e(
        E,
        (
            "Hồ sơ còn lỗi",
            "Hồ sơ còn {errors} lỗi nên chưa tính số liệu, chưa dựng trang; chạy site-gen check để xem từng lỗi và sửa trước.",
        ),
        (
            "Records have errors",
            "The records have {errors} errors, so no figures and no site; run site-gen check to see each one and fix them first.",
        ),
    ),
    # -- site-gen export (Word and Excel forms; exit 2) ------------------------------------
    "setup.export-what": _e(
        E,
        (
            "Chưa chọn biểu mẫu",
            "Chọn đúng một biểu mẫu để xuất: --form 1, 2 hoặc 3, --inspection-schedule, hoặc --notice MÃ_ĐƠN_VỊ.",
        ),
        ("No form chosen", "Choose exactly one form to export: --form 1, 2 or 3, --inspection-schedule, or --notice UNIT_ID."),
    ),
    "setup.export-year": _e(
        E,
        ("Thiếu năm", "Cần cho biết năm của kế hoạch bằng --year, ví dụ --year 2026."),
        ("Year missing", "Give the plan's year with --year, e.g. --year 2026."),
    ),
    "setup.export-option": _e(
        E,
        ("Tham số không dùng được", "Tham số {option} không dùng với {what}."),
        ("Option not applicable", "Option {option} does not apply to {what}."),
    ),
    "setup.export-unknown-cadre": _e(
        E,
        ("Không có cán bộ", "Không có cán bộ mã {cadre} trong sổ cán bộ."),
        ("Unknown cadre", "There is no cadre with id {cadre} in the register."),
    ),
    "setup.export-unknown-unit": _e(
        E,
        ("Không có đơn vị", "Không có đơn vị mã {unit} trong sổ đơn vị."),
        ("Unknown unit", "There is no unit with id {unit} in the register."),
    ),
    "setup.export-no-inspection-plan": _e(
        E,
        ("Không có kế hoạch kiểm tra", "Không có kế hoạch kiểm tra nào cho năm {year}."),
        ("No inspection plan", "There is no inspection plan for {year}."),
    ),
    "setup.export-nothing": _e(
        E,
        ("Không có hồ sơ để xuất", "Không có hồ sơ nào để xuất {what} năm {year}."),
        ("Nothing to export", "No record to export as {what} for {year}."),
    ),
    "setup.export-written": _e(
        W,
        ("Đã xuất biểu mẫu", "Đã ghi {count} tệp vào thư mục {path}:"),
        ("Forms exported", "Wrote {count} files to {path}:"),
    ),
}

# Words used around messages, by language.
UI: dict[str, dict[str, str]] = {
    "vi": {
        "error": "lỗi",
        "warning": "cảnh báo",
        "summary": "Tổng hợp: {errors} lỗi, {warnings} cảnh báo trong {files} tệp; đã kiểm tra {checked} tệp hồ sơ.",
        "clean": "Không có lỗi: đã kiểm tra {checked} tệp hồ sơ.",
        "by_code": "Theo mã lỗi:",
        "suggest": ' Có phải ý bạn là "{suggestion}"?',
        "suggest_field": ' Có phải ý bạn là "{suggestion}" ({suggestion_field})?',
        "none": "(không)",
        "md_title": "Kết quả kiểm tra hồ sơ",
        "md_code": "Mã",
        "md_severity": "Mức",
        "md_what": "Nội dung",
        "md_count": "Số lần",
        "md_line": "dòng {line}, cột {column}: ",
        "md_cut": "Báo cáo quá dài nên đã dừng ở đây; chạy site-gen check trên máy để xem toàn bộ.",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "summary": "Summary: {errors} errors, {warnings} warnings in {files} files; {checked} record files checked.",
        "clean": "No errors: {checked} record files checked.",
        "by_code": "By code:",
        "suggest": ' Did you mean "{suggestion}"?',
        "suggest_field": ' Did you mean "{suggestion}" ({suggestion_field})?',
        "none": "(none)",
        "md_title": "Record check",
        "md_code": "Code",
        "md_severity": "Severity",
        "md_what": "What",
        "md_count": "Count",
        "md_line": "line {line}, column {column}: ",
        "md_cut": "The report is too long and stops here; run site-gen check locally to see all of it.",
    },
}

TYPE_NAMES = {
    "vi": {
        "string": "chữ",
        "integer": "số nguyên",
        "number": "số",
        "boolean": "true hoặc false",
        "object": "nhóm trường",
        "array": "danh sách",
        "null": "để trống",
    },
    "en": {
        "string": "text",
        "integer": "an integer",
        "number": "a number",
        "boolean": "true or false",
        "object": "a mapping",
        "array": "a list",
        "null": "empty",
    },
}

VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "classification": {
        "excellent": ("Hoàn thành xuất sắc nhiệm vụ", "excellent"),
        "good": ("Hoàn thành tốt nhiệm vụ", "good"),
        "complete": ("Hoàn thành nhiệm vụ", "complete"),
        "incomplete": ("Không hoàn thành nhiệm vụ", "incomplete"),
    },
    "session": {"morning": ("buổi sáng", "morning"), "afternoon": ("buổi chiều", "afternoon")},
    "role_group": {
        "standing": ("Thường trực", "standing committee"),
        "leader": ("Lãnh đạo ban, văn phòng", "department heads"),
        "specialist": ("Chuyên viên", "specialists"),
    },
    "completion": {
        "exceeded": ("Vượt chỉ tiêu", "exceeded"),
        "achieved": ("Đạt chỉ tiêu", "achieved"),
        "partial": ("Đạt một phần", "partial"),
        "not-started": ("Chưa thực hiện", "not started"),
    },
    "unit_type": {
        "leadership": ("Thường trực", "leadership"),
        "department": ("ban chuyên môn", "department"),
        "office": ("văn phòng", "office"),
        "district": ("huyện, thị, thành đoàn", "district union"),
        "affiliated": ("đoàn trực thuộc", "affiliated union"),
        "service": ("đơn vị sự nghiệp", "public service unit"),
        "grassroots": ("cơ sở Đoàn", "grassroots unit"),
        "branch": ("chi đoàn", "branch"),
    },
    "plan_kind": {
        "field-visit-plan": ("kế hoạch đi cơ sở", "field-visit plan"),
        "inspection-plan": ("kế hoạch kiểm tra", "inspection plan"),
        "remediation-plan": ("kế hoạch khắc phục", "remediation plan"),
    },
}


def lookup(code: str) -> Entry:
    return CATALOGUE[code]


def severity_of(code: str) -> Severity:
    return CATALOGUE[code].severity


def format_date(value: Any) -> str:
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


_INVISIBLE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Line breaks, tabs and other invisible controls written as escapes, so a message shows them."""
    if text.isprintable():
        return text
    return "".join(_INVISIBLE.get(c, f"\\u{ord(c):04x}") if not c.isprintable() and c != " " else c for c in text)


def short(value: Any, limit: int = 60) -> str:
    """A value as the unit typed it, quoted when it is a text (invisible characters shown), shortened."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f'"{visible(text)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        import json

        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return str(value)


def _format_param(name: str, value: Any, lang: str) -> str:
    index = 0 if lang == "vi" else 1
    if name == "date" or name.endswith("_date"):
        return format_date(value)
    if name.endswith("_list"):
        items = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        return ", ".join(items) if items else UI[lang]["none"]
    if name.endswith("_type"):
        return TYPE_NAMES[lang].get(str(value), str(value))
    if name == "value":
        return short(value)
    for vocab, table in VOCABULARY.items():
        if name == vocab or name.endswith("_" + vocab):
            pair = table.get(str(value))
            return pair[index] if pair else str(value)
    if isinstance(value, float):
        return short(value)
    return str(value)


def render(problem: Problem, lang: str = "vi") -> tuple[str, str]:
    """The title and the message of a problem, in ``lang`` ("vi" or "en")."""
    return render_code(problem.code, problem.args, lang)


def render_code(
    code: str, params: dict[str, Any], lang: str = "vi", escape: Callable[[str], str] | None = None
) -> tuple[str, str]:
    """Title and message of ``code``; ``escape`` (for a Markdown message) is applied to each formatted parameter."""
    entry = CATALOGUE[code]
    values = {name: _format_param(name, value, lang) for name, value in params.items()}
    if escape is not None:
        values = {name: escape(value) for name, value in values.items()}
    title, template = (entry.title_vi, entry.text_vi) if lang == "vi" else (entry.title_en, entry.text_en)
    text = template.format_map(_Missing(values))
    if params.get("suggestion"):
        key = "suggest_field" if params.get("suggestion_field") else "suggest"
        text += UI[lang][key].format_map(_Missing(values))
    return title, text


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
