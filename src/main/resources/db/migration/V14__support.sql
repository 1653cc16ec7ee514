-- support: families in difficulty and visits with cash and goods; allowance programmes as data, applications,
-- and payment batches that can never pay one beneficiary for one month twice. Money in whole fen.
create table difficult_family (
    id            bigserial primary key,
    household_id  bigint not null,             -- a household of the register (people feature)
    village_code  varchar(15) collate "C" not null,
    reason        text not null,
    liaison1      text not null,               -- two liaisons (结对帮扶联系人) for each family
    liaison2      text not null,
    registered_on date not null,
    closed_on     date,
    recorded_by   text not null,
    unique (household_id, registered_on)
);
create index difficult_family_village on difficult_family (village_code);

create table support_visit (
    id           bigserial primary key,
    household_id bigint not null,
    family_id    bigint references difficult_family (id),
    village_code varchar(15) collate "C" not null,
    visited_on   date not null,
    giver        text not null check (giver in ('TOWN', 'ASSOCIATION')),  -- 镇, 村（居）计生协会
    giver_name   text not null,
    cash_fen     bigint not null default 0 check (cash_fen >= 0),
    note         text,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index support_visit_date on support_visit (visited_on, village_code);

create table support_visit_goods (
    visit_id bigint not null references support_visit (id),
    item     text not null,
    quantity numeric(12, 2) not null check (quantity > 0),
    unit     text not null,
    primary key (visit_id, item)
);

create table allowance_programme (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    rule        text not null check (rule in ('CHILD_UNDER_3', 'PARENT_60_ONE_CHILD', 'ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED')),
    amount_fen  bigint not null check (amount_fen > 0),   -- per month
    valid_from  date not null,
    valid_to    date,
    note        text
);

insert into allowance_programme (code, name, rule, amount_fen, valid_from, valid_to, note) values
('CHILDCARE', '育儿补贴', 'CHILD_UNDER_3', 30000, '2025-01-01', null,
 '每孩每年 3600 元，按月计发至满 3 周岁；2025 年前出生的按剩余月数折算；在孩子户籍地申领'),
('REWARD', '农村部分计划生育家庭奖励扶助', 'PARENT_60_ONE_CHILD', 8000, '2012-01-01', null,
 '年满 60 周岁、只有一个子女或两个女儿的农村计划生育家庭父母，每人每月'),
('SPECIAL_DIED', '计划生育特别扶助（独生子女死亡）', 'ONLY_CHILD_DIED', 59000, '2021-01-01', null,
 '独生子女死亡、未再生育或收养子女的夫妻，女方年满 49 周岁起，每人每月'),
('SPECIAL_DISABLED', '计划生育特别扶助（独生子女伤残）', 'ONLY_CHILD_DISABLED', 46000, '2021-01-01', null,
 '独生子女三级以上残疾、未再生育或收养子女的夫妻，女方年满 49 周岁起，凭残疾证明审核，每人每月');

create table allowance_application (
    id             bigserial primary key,
    programme_id   bigint not null references allowance_programme (id),
    beneficiary_id bigint not null,           -- the person paid for (the child for the childcare subsidy)
    applicant_id   bigint,                    -- who applied (a parent), when not the beneficiary
    village_code   varchar(15) collate "C" not null,
    state          text not null check (state in ('APPLIED', 'REVIEWED', 'APPROVED', 'REJECTED')),
    reasons        text not null,             -- why eligible, as computed from the register
    bank_account   text,
    applied_on     date not null,
    reviewed_by    text,
    approved_by    text,
    note           text,
    unique (programme_id, beneficiary_id)
);

create table payment_batch (
    id           bigserial primary key,
    programme_id bigint not null references allowance_programme (id),
    first_month  date not null,
    last_month   date not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    check (last_month >= first_month)
);

-- one line per beneficiary and month: the unique key makes a second payment of a month impossible
create table payment_line (
    batch_id       bigint not null references payment_batch (id),
    programme_id   bigint not null references allowance_programme (id),
    application_id bigint not null references allowance_application (id),
    beneficiary_id bigint not null,
    month          date not null,
    amount_fen     bigint not null check (amount_fen > 0),
    unique (programme_id, beneficiary_id, month)
);
create index payment_line_batch on payment_line (batch_id);
