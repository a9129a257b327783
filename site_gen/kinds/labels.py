"""Vietnamese labels of the schemas' enums for the export tables (their enumDescriptions; a test compares)."""

LEVEL = {"province": "Tỉnh đoàn", "city": "Thành Đoàn (thành phố trực thuộc Trung ương)"}
UNIT_TYPE = {
    "leadership": "Thường trực, Ban Thường vụ",
    "department": "Ban chuyên môn",
    "office": "Văn phòng",
    "district": "Huyện, thị, thành đoàn (cấp huyện)",
    "affiliated": "Đoàn trực thuộc",
    "service": "Đơn vị sự nghiệp",
    "grassroots": "Cơ sở Đoàn (xã, phường, thị trấn và tương đương)",
    "branch": "Chi đoàn",
}
LOCALITY_LEVEL = {
    "district": "Huyện",
    "town": "Thị xã",
    "city": "Thành phố",
    "commune": "Xã",
    "ward": "Phường",
    "township": "Thị trấn",
    "hamlet": "Ấp, thôn",
    "quarter": "Khu phố",
}
DISADVANTAGED = {
    "hardship": "Xã khó khăn",
    "remote": "Vùng sâu, vùng xa",
    "border": "Biên giới",
    "religious": "Vùng tôn giáo",
    "ethnic-minority": "Vùng đồng bào dân tộc thiểu số",
}
ROLE_GROUP = {
    "standing": "Thường trực (Bí thư, Phó Bí thư)",
    "leader": "Lãnh đạo ban, văn phòng",
    "specialist": "Chuyên viên các ban, văn phòng",
}
MEMBERSHIP = {
    "staff": "Cán bộ chuyên trách cơ quan Tỉnh đoàn",
    "executive": "Ủy viên Ban Chấp hành",
    "standing-board": "Ủy viên Ban Thường vụ",
}
# Shortened from "Buổi sáng" / "Buổi chiều": the column is already "Buổi".
SESSION = {"morning": "Sáng", "afternoon": "Chiều"}
RESULT_STATUS = {
    "scheduled": "Chờ kiểm tra (đã lên lịch, chưa làm việc)",
    "inspected": "Đã kiểm tra",
    "not-inspected": "Không kiểm tra (không gửi đủ tài liệu đúng hạn)",
}
CLASSIFICATION = {
    "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "complete": "Hoàn thành nhiệm vụ",
    "incomplete": "Không hoàn thành nhiệm vụ",
}
COMPLETION = {"exceeded": "Vượt chỉ tiêu", "achieved": "Đạt chỉ tiêu", "partial": "Đạt một phần", "not-started": "Chưa thực hiện"}
PROSPECT = {
    "certain": "Chắc chắn hoàn thành",
    "likely": "Có khả năng hoàn thành",
    "at-risk": "Có nguy cơ không hoàn thành",
    "unlikely": "Khó hoàn thành",
}
RECURRING = {"monthly": "Hằng tháng", "quarterly": "Hằng quý", "half-yearly": "6 tháng", "yearly": "Hằng năm"}
PERIOD = {"monthly": "Tháng", "quarterly": "Quý", "half-yearly": "6 tháng", "yearly": "Năm"}
PROGRESS_STATUS = {
    "not-started": "Chưa triển khai",
    "in-progress": "Đang khắc phục",
    "resolved": "Đã khắc phục",
    "ongoing": "Khắc phục lâu dài, tiếp tục theo dõi",
}
