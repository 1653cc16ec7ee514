-- equal services for floating people (均等化服务): the town's partner offices and the referrals to them.
create table referral_partner (
    id        bigserial primary key,
    name      text not null,
    kind      text not null check (kind in ('POLICE', 'SCHOOL', 'CLINIC', 'CIVIL_AFFAIRS', 'LABOUR')),
    town_code varchar(15) collate "C" not null,
    -- the accounts that answer for the office; none: the town office answers on its behalf
    accounts  text[] not null default '{}',
    unique (town_code, name)
);

create table referral (
    id           bigserial primary key,
    person_id    bigint not null,
    -- where the person lived when referred: the referral's area for scope and counts
    village_code varchar(15) collate "C" not null,
    grid_code    varchar(15) collate "C",
    for_family   boolean not null default false,
    kind         text not null check (kind in ('HUKOU', 'SCHOOLING', 'MEDICAL', 'TRAINING', 'HOUSING', 'RELIEF')),
    partner_id   bigint not null references referral_partner (id),
    referred_on  date not null,
    referred_by  text not null,
    need         text not null,
    outcome      text check (outcome in ('GIVEN', 'REFUSED', 'NOT_NEEDED', 'UNREACHABLE')),
    answered_on  date check (answered_on >= referred_on),
    answered_by  text,
    answer_note  text,
    check ((outcome is null) = (answered_on is null))
);
create index referral_area on referral (village_code, referred_on);
create index referral_answered on referral (answered_on) where outcome = 'GIVEN';
create index referral_partner_open on referral (partner_id) where outcome is null;
create index referral_person on referral (person_id);
