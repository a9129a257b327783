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
* :mod:`~site_gen.intake.answers` holds the typed answers, neutral about
  where they were written;
* :mod:`~site_gen.intake.repository` reads the repository once and finds or
  places the record the answers target;
* :mod:`~site_gen.intake.builders` has one builder per record kind
  (:data:`~site_gen.intake.builders.BUILDERS`), typed answers to a draft record;
* :mod:`~site_gen.intake.yaml_edit` edits an existing record's text at its
  nodes' positions;
* :mod:`~site_gen.intake.commit` stages a batch, checks it once and moves it
  into place atomically, or leaves nothing.
"""
