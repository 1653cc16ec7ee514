-- Target responsibility (目标管理责任书): each year the town signs a target agreement with every village-level
-- unit, and the district one with the town (one level up). The actual values are never stored: the assessment
-- takes them from the indicators of the family-planning year FP{year}.
create table target_agreement (
    id             bigserial primary key,
    year           int not null check (year between 2000 and 2100),
    area_code      varchar(15) collate "C" not null references area (code),
    signed_on      date,
    signed_by      text check (length(signed_by) <= 50),
    counter_signed text check (length(counter_signed) <= 50),
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    unique (year, area_code)
);

create table target_item (
    agreement_id   bigint not null references target_agreement (id) on delete cascade,
    position       int not null,
    indicator_code text not null,
    comparison     text not null check (comparison in ('GE', 'LE', 'EQ')),
    target         numeric(12, 2) not null,
    floor          numeric(12, 2),
    weight         int not null check (weight between 1 and 100),
    rule           text not null check (rule in ('ALL_OR_NOTHING', 'PRO_RATA')),
    primary key (agreement_id, position),
    check (rule = 'ALL_OR_NOTHING' or (comparison <> 'EQ' and floor is not null))
);
