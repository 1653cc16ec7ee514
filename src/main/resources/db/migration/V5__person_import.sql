-- people: rows of an import being checked and applied (a staging table; unlogged, as it is scratch space).
create unlogged table person_import_row (
    job_id           bigint not null,
    row_no           int not null,
    id_number        varchar(18) collate "C",
    id_flagged       boolean not null default false,
    name             text collate "C",
    sex              text,
    birth_date       date,
    ethnicity        text,
    marital_status   text,
    household_no     text,
    relation         text,
    hukou_code       varchar(12),
    village_code     varchar(15) collate "C",
    grid_code        varchar(15) collate "C",
    status           text,
    arrived_on       date,
    left_on          date,
    died_on          date,
    move_reason      text,
    other_place_code varchar(12),
    phone            text,
    address          text,
    person_id        bigint,
    outcome          text,   -- ADDED, CHANGED, UNCHANGED, REJECTED
    primary key (job_id, row_no)
);
create index person_import_row_id_number on person_import_row (job_id, id_number);
create index person_import_row_household on person_import_row (job_id, household_no);
