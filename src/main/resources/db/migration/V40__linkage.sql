-- Record linkage (消重). The people part first: a merged record stays, readable as "merged into N", out of every
-- list and figure (as a record entered by mistake is); each merge is kept with what it moved, so it can be undone.
alter table person add column merged_into bigint references person (id);
create index person_birth_date on person (birth_date);

create table person_merge (
    id          bigserial primary key,
    survivor_id bigint not null references person (id),
    merged_id   bigint not null references person (id),
    -- the survivor's fields filled from the merged record: [{field, old, new}]
    filled      jsonb not null default '[]',
    -- the references other features moved: [{table, column, key, keys: [...]}]
    moved       jsonb not null default '[]',
    merged_by   text not null,
    merged_at   timestamptz not null default now(),
    undone_by   text,
    undone_at   timestamptz
);
create index person_merge_merged on person_merge (merged_id);

-- people's published view for linkage: the fields that tell one person from two, of the persons in an area
-- (area_prefix '' is the whole register). Records entered by mistake or merged are not compared.
create function people_for_linkage(area_prefix varchar)
    returns table (person_id bigint, name text, id_number varchar, id_number_flagged boolean, sex text,
                   birth_date date, household_no text, hukou_code varchar, village_code varchar, phone text)
    language sql stable as $$
    select p.id, p.name, p.id_number, p.id_number_flagged, p.sex, p.birth_date, h.household_no, p.hukou_code,
           p.village_code, p.phone
    from person p left join household h on h.id = p.household_id
    where not p.entered_by_mistake and p.village_code like area_prefix || '%'
$$;

-- the persons a new entry may duplicate: born on that day, or on the day with day and month swapped, or a few
-- days apart; with the same ID number but for its check character; or in the same household (by its number)
create function people_for_linkage_near(born date, swapped date, id_first17 varchar, household varchar)
    returns table (person_id bigint, name text, id_number varchar, id_number_flagged boolean, sex text,
                   birth_date date, household_no text, hukou_code varchar, village_code varchar, phone text)
    language sql stable as $$
    select p.id, p.name, p.id_number, p.id_number_flagged, p.sex, p.birth_date, h.household_no, p.hukou_code,
           p.village_code, p.phone
    from person p left join household h on h.id = p.household_id
    where not p.entered_by_mistake
      and (p.birth_date between born - 7 and born + 7
           or p.birth_date = swapped
           or (id_first17 is not null and p.id_number like id_first17 || '%')
           or p.household_id = (select x.id from household x where x.household_no = household))
$$;

-- linkage: runs over an area, and the pairs of probable duplicates they (or an entry, or an import) found
create table linkage_run (
    id          bigserial primary key,
    area_code   varchar(15) collate "C" not null references area (code),
    status      text not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    persons     int not null default 0,
    comparisons bigint not null default 0,
    pairs       int not null default 0,
    message     text,
    started_by  text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);

create table linkage_pair (
    id            bigserial primary key,
    left_id       bigint not null references person (id),
    right_id      bigint not null references person (id),
    score         numeric(7, 2) not null,
    match         text not null check (match in ('AUTO', 'REVIEW')),
    reasons       text[] not null,
    status        text not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'DISTINCT')),
    source        text not null check (source in ('RUN', 'IMPORT', 'ENTRY')),
    run_id        bigint references linkage_run (id),
    import_job_id bigint,
    survivor_id   bigint references person (id),
    merge_id      bigint references person_merge (id),
    found_by      text not null,
    found_at      timestamptz not null default now(),
    decided_by    text,
    decided_at    timestamptz,
    check (left_id < right_id)
);
-- one row per pair of persons: a pair decided DISTINCT is remembered and never queued again
create unique index linkage_pair_persons on linkage_pair (left_id, right_id);
create index linkage_pair_right on linkage_pair (right_id);
create index linkage_pair_queue on linkage_pair (status, score desc);
create index linkage_pair_run on linkage_pair (run_id);
