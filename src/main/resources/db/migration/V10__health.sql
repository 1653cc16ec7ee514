-- health: contraception, check campaigns, pregnancies, births and the birth policy rules (dated data).

-- 避孕节育措施: a method in force from a date, or a recorded reason for none; a new record ends the previous one.
create table contraception (
    id               bigserial primary key,
    person_id        bigint not null references person (id),
    method           text check (method in ('MALE_STERILISATION', 'FEMALE_STERILISATION', 'IUD', 'IMPLANT',
                                            'INJECTION', 'PILL', 'CONDOM', 'OTHER')),
    no_method_reason text check (no_method_reason in ('PREGNANT', 'POSTPARTUM', 'INFERTILE', 'MENOPAUSE',
                                                      'SPOUSE_AWAY', 'OTHER')),
    started_on       date not null,
    ended_on         date,          -- exclusive; null while in force
    provider         text,
    recorded_by      text not null,
    recorded_at      timestamptz not null default now(),
    check ((method is null) <> (no_method_reason is null)),
    check (ended_on is null or ended_on >= started_on)
);
create index contraception_person on contraception (person_id, started_on);

-- 三查 campaigns: the roster is fixed when the campaign is created (married WRA of its areas on the start date).
create table check_campaign (
    id          bigserial primary key,
    name        text not null,
    kinds       text[] not null,    -- RING, PREGNANCY, DISEASE
    starts_on   date not null,
    ends_on     date not null,
    area_codes  text[] not null,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    check (ends_on >= starts_on)
);

create table check_roster (
    campaign_id       bigint not null references check_campaign (id),
    person_id         bigint not null references person (id),
    village_code      varchar(15) collate "C" not null,
    grid_code         varchar(15) collate "C",
    checked_on        date,
    result            text check (result in ('NORMAL', 'IUD_IN_PLACE', 'IUD_MISSING', 'PREGNANT', 'REFERRED')),
    checked_by        text,
    followup_outcome  text check (followup_outcome in ('CHECKED_ELSEWHERE', 'AWAY', 'REFUSED', 'OTHER')),
    followup_note     text,
    followup_closed_on date,
    primary key (campaign_id, person_id),
    check ((checked_on is null) = (result is null))
);
create index check_roster_village on check_roster (campaign_id, village_code);
create index check_roster_person on check_roster (person_id);

create table pregnancy (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    detected_on date not null,
    expected_on date,
    outcome     text check (outcome in ('LIVE_BIRTH', 'STILLBIRTH', 'MISCARRIAGE', 'ABORTION')),
    outcome_on  date,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    check ((outcome is null) = (outcome_on is null))
);
create index pregnancy_person on pregnancy (person_id);

-- Every child of a mother: births recorded here and earlier children, with what Hunan's birth-order rule needs
-- (children of a former marriage, adopted and deceased children do not count).
create table birth (
    id              bigserial primary key,
    mother_id       bigint not null references person (id),
    child_id        bigint references person (id),
    father_id       bigint references person (id),
    father_name     text,
    sex             text not null check (sex in ('1', '2')),
    birth_date      date not null,
    place           text,
    area_code       varchar(15) collate "C" not null,  -- the mother's village and grid when the child was born
    grid_code       varchar(15) collate "C",
    birth_order     int not null check (birth_order >= 1),
    former_marriage boolean not null default false,
    adopted         boolean not null default false,
    died_on         date,
    registered_on   date,           -- 生育登记
    recorded_by     text not null,
    recorded_at     timestamptz not null default now()
);
create index birth_mother on birth (mother_id, birth_date);
create index birth_date on birth (birth_date, area_code);

-- 再生育审批: a permit to have one more child, recorded on the couple (the mother's record).
create table birth_permit (
    id          bigserial primary key,
    mother_id   bigint not null references person (id),
    father_id   bigint references person (id),
    approved_on date not null,
    reason      text,
    recorded_by text not null
);
create index birth_permit_mother on birth_permit (mother_id, approved_on);

-- Birth policy as dated data: the set in force for a birth is the one valid on its date whose region is the
-- longest prefix of the birth's area code ('' = the whole country).
create table policy_rule_set (
    id                 bigserial primary key,
    name               text not null,
    region_prefix      text not null default '',
    valid_from         date not null,
    valid_to           date,          -- exclusive
    max_children       int,           -- null: no limit
    permit_allows_more boolean not null default false,
    note               text,
    check (valid_to is null or valid_to > valid_from)
);

insert into policy_rule_set (name, region_prefix, valid_from, valid_to, max_children, permit_allows_more, note) values
('独生子女政策（全国）', '', '1980-09-25', '2016-01-01', 1, true, '提倡一对夫妻生育一个孩子；符合条件经审批可再生育一个'),
('湖南省一孩政策及再生育审批', '43', '1989-08-01', '2016-01-01', 1, true,
 '湖南省人口与计划生育条例：独女户、双方独生子女、农村第一个孩子为女孩等经县级审批可再生育一个'),
('全面两孩', '', '2016-01-01', '2021-05-31', 2, false, '一对夫妻可生育两个子女'),
('三孩政策', '', '2021-05-31', '2021-08-20', 3, false, '一对夫妻可生育三个子女'),
('取消生育限制', '', '2021-08-20', null, null, false, '人口与计划生育法修改后不再限制生育数量；实行生育登记');

-- Whether each birth complied with the rules in force on its date, and why. One definition for pages and figures.
create view birth_compliance as
select b.id as birth_id, r.id as rule_set_id, r.name as rule_set,
       case when r.id is null then false
            when r.max_children is null or b.birth_order <= r.max_children then true
            when r.permit_allows_more and b.birth_order = r.max_children + 1 and exists (
                select 1 from birth_permit p where p.mother_id = b.mother_id and p.approved_on <= b.birth_date) then true
            else false end as compliant,
       case when r.id is null then 'NO_RULE'
            when r.max_children is null then 'NO_LIMIT'
            when b.birth_order <= r.max_children then 'WITHIN_LIMIT'
            when r.permit_allows_more and b.birth_order = r.max_children + 1 and exists (
                select 1 from birth_permit p where p.mother_id = b.mother_id and p.approved_on <= b.birth_date) then 'PERMIT'
            when r.permit_allows_more and b.birth_order = r.max_children + 1 then 'NO_PERMIT'
            else 'OVER_LIMIT' end as reason
from birth b
left join lateral (
    select * from policy_rule_set r
    where b.birth_date >= r.valid_from and (r.valid_to is null or b.birth_date < r.valid_to)
      and b.area_code like r.region_prefix || '%'
    order by length(r.region_prefix) desc limit 1) r on true
where not b.adopted;
