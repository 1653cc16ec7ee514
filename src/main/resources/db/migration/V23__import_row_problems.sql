-- Why a staged row was refused across rows (the same ID number twice, a household without a head or with two,
-- a person outside the user's areas): the message key, the field, its value and the message's arguments. Kept
-- with the row, so that the refusals are reported page by page however many there are, never held in memory.
alter table person_import_row
    add column problem       text,
    add column problem_field text,
    add column problem_value text,
    add column problem_args  text[];
-- the refused rows in order, for reading them a page at a time
create index person_import_row_problem on person_import_row (job_id, row_no) where problem is not null;
