-- One import runs at a time and its staged rows are removed when it ends, so the staging table only ever holds
-- the rows of the running job, which every check reads whole: these indexes were never read, only written
-- (three index entries for every staged row).
drop index person_import_row_id_number;
drop index person_import_row_household;
