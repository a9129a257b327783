"""One intake: answers a unit gave, on an issue form or a filled Word/Excel form, into records.

The pipeline, each step a module:

* front ends read what the unit wrote into typed answers and collect every
  problem where it stands: :mod:`~site_gen.intake.issue_form` and
  :mod:`~site_gen.intake.issue_answers` (a GitHub issue form),
  :mod:`~site_gen.intake.office_form` (a :class:`~site_gen.office.document.FormDoc`
  read from .xlsx or .docx; :mod:`site_gen.intake.office_import` makes the answers);
* :mod:`~site_gen.intake.parse` reads one answer the way people type it
  (dates, "30 ngày", quarters, categories by code or words, cadres, units and
  plans by id or name);
* the typed answers are neutral about where they were written: each kind
  that units file through a form declares its answers type and builds its
  record from them in its own module (``Kind.build``; the shared parts in
  :mod:`site_gen.kinds.intake`);
* :mod:`~site_gen.intake.repository` reads the repository once: the
  workbench a kind's builder finds, places and edits its record with;
* :mod:`~site_gen.intake.yaml_edit` edits an existing record's text at its
  nodes' positions;
* :mod:`~site_gen.intake.commit` stages a batch, checks it once and moves it
  into place atomically, or leaves nothing.
"""
