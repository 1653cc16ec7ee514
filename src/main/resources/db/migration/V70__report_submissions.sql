-- stats: a town's standard tables as submitted to the district (报送), frozen; a return (退回) reopens the period.
-- The history is every row: a returned submission stays, with who returned it, when and why.
create table report_submission (
    id            bigserial primary key,
    area_code     varchar(15) collate "C" not null references area (code),
    period        text not null,          -- as the town wrote it (FP2012, 2012Q3, ...)
    period_from   date not null,
    period_to     date not null,
    counted_on    date not null,          -- the day people were counted on
    submitted_on  date not null,          -- the day of submission, Asia/Shanghai
    submitted_at  timestamptz not null default now(),
    submitted_by  text not null,
    tables        jsonb not null,         -- every cell as submitted: [{id, columns, rows: [{area, name, cells}]}]
    returned_at   timestamptz,
    returned_by   text,
    return_reason text,
    check ((returned_at is null) = (returned_by is null) and (returned_at is null) = (return_reason is null)),
    check (period_to >= period_from)
);
-- one submission in force per town and period: submitting again needs a return first
create unique index report_submission_in_force on report_submission (area_code, period_from, period_to)
    where returned_at is null;
create index report_submission_by_time on report_submission (submitted_at desc);

-- Published for the indicator sources: the periods each town has submitted (and not had returned), so a
-- record registered after the submission that covers its date counts as a late report (迟报).
create view submitted_period as
select area_code as town_code, period_from, period_to, submitted_at
from report_submission where returned_at is null;
