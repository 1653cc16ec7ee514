-- people: national code tables, households, persons, their change history and residence-status periods.
create table code_value (
    kind    text not null,   -- SEX (GB/T 2261.1), MARITAL (GB/T 2261.2), ETHNICITY (GB 3304),
                             -- RELATION (GB/T 4761), EDUCATION (GB/T 4658)
    code    text not null,
    name_zh text not null,
    name_en text not null,
    primary key (kind, code)
);

create table household (
    id           bigserial primary key,
    household_no text not null unique,
    village_code varchar(15) collate "C" not null references area (code),
    grid_code    varchar(15) collate "C" references area (code),
    address      text,
    created_at   timestamptz not null default now()
);
create index household_village on household (village_code);

create table person (
    id                bigserial primary key,
    id_number         varchar(18) collate "C",
    id_number_flagged boolean not null default false, -- wrong check character, confirmed as printed
    name              text collate "C" not null,
    sex               text not null,
    birth_date        date not null,
    ethnicity         text,
    marital_status    text,
    education         text,
    household_id      bigint references household (id),
    relation          text,
    hukou_code        varchar(12),
    village_code      varchar(15) collate "C" not null references area (code),
    grid_code         varchar(15) collate "C" references area (code),
    status            text not null check (status in ('REGISTERED', 'OUTFLOW', 'INFLOW', 'DECEASED', 'MOVED_AWAY')),
    arrived_on        date,
    left_on           date,
    died_on           date,
    move_reason       text,
    other_place_code  varchar(12),
    phone             text,
    address           text,
    mother_id         bigint references person (id),
    entered_by_mistake boolean not null default false,
    version           int not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create unique index person_id_number on person (id_number) where id_number is not null and not entered_by_mistake;
-- the C collation lets one plain index serve both prefix search (like 'x%') and sorting, on any server locale
create index person_name on person (name, id);
create index person_village on person (village_code, id);
-- a name search within one village (the cadre's everyday search) reads one range of this index
create index person_village_name on person (village_code, name, id);
create index person_grid on person (grid_code);
create index person_household on person (household_id);
create index person_status_birth on person (status, sex, birth_date);

-- every change of a person's field: who, when, from where, old -> new
create table person_change (
    id         bigserial primary key,
    person_id  bigint not null references person (id),
    changed_at timestamptz not null default now(),
    username   text not null,
    source     text not null,
    field      text not null,
    old_value  text,
    new_value  text
);
create index person_change_person on person_change (person_id, changed_at);

-- residence status over time, so population figures can be taken for any date
create table person_status_period (
    person_id  bigint not null references person (id),
    status     text not null,
    valid_from date not null,
    valid_to   date,           -- exclusive; null while in force
    primary key (person_id, valid_from)
);
create index person_status_period_status on person_status_period (status, valid_from);
