-- An import updates each staged row a few times (matched, classified, rejected). With room left on each page
-- those updates stay on the page (HOT) instead of adding index entries for every row version.
alter table person_import_row set (fillfactor = 50);
