-- health: family-planning procedures (计划生育手术) as 国人口统2表 counts them, recorded on the woman's record
-- (a vasectomy on his wife's record, as the couple's measure), with the date done and where.
create table fp_procedure (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    kind        text not null check (kind in ('IUD_INSERTION', 'IUD_REMOVAL', 'STERILISATION', 'ABORTION',
                                              'INDUCED_LABOUR', 'IMPLANT_INSERTION')),
    done_on     date not null,
    provider    text,
    area_code   varchar(15) collate "C" not null,  -- her village and grid on the day, as births keep them
    grid_code   varchar(15) collate "C",
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index fp_procedure_person on fp_procedure (person_id, done_on);
create index fp_procedure_done on fp_procedure (done_on, area_code);
