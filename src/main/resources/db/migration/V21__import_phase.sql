-- What a running import is doing: WAITING (for the import before it), READING (and checking each row),
-- CHECKING (across rows and against the register), WRITING, or CANCELLING. Once a large file's rows are read,
-- the rest takes a while of its own.
alter table import_job add column phase text;
