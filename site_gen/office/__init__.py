"""Word and Excel: the organisation's forms 1, 2, 3 (seed 003), the inspection schedule and notice.

``document`` holds the abstract form (:class:`FormDoc`) both directions share:
``export`` turns records into a FormDoc and writes it as .xlsx or .docx;
``importer`` reads a .xlsx or .docx into a FormDoc and turns it back into
records. The cell conventions are documented for units in
docs/huong-dan/bieu-mau-van-phong.md.
"""
