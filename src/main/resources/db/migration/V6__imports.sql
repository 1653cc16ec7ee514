-- imports: import jobs with their counts, and every rejected row with its reason.
create table import_job (
    id          bigserial primary key,
    file_name   text not null,
    username    text not null,
    dry_run     boolean not null,
    status      text not null check (status in ('RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    total       int not null default 0,
    processed   int not null default 0,
    added       int not null default 0,
    changed     int not null default 0,
    unchanged   int not null default 0,
    rejected    int not null default 0,
    message     text,
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);
create index import_job_created on import_job (created_at desc);

create table import_error (
    job_id      bigint not null references import_job (id),
    row_no      int not null,
    column_name text,
    value       text,
    reason      text not null
);
create index import_error_job on import_error (job_id, row_no);
