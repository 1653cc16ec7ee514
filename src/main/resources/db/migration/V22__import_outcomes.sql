-- Only changes and rejections are written to a staged row; the rest is told by person_id (see PersonImport).
comment on column person_import_row.outcome is
    'CHANGED or REJECTED; null: adds a person (person_id null) or leaves the matched one unchanged';
