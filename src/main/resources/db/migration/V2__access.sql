-- access: user accounts, their role and the areas they may see, and the append-only audit log.
create table app_user (
    id              bigserial primary key,
    username        text not null unique,
    password_hash   text not null,
    display_name    text not null,
    role            text not null check (role in ('ADMIN', 'TOWN_OFFICER', 'VILLAGE_CADRE', 'GRID_WORKER',
                                                   'POLICE', 'CLINIC', 'SUPERVISOR')),
    area_codes      text[] not null default '{}',
    enabled         boolean not null default true,
    failed_logins   int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    username    text not null,
    action      text not null,
    entity      text not null,
    entity_id   text,
    client_addr text,
    detail      text
);
create index audit_log_at on audit_log (at);
create index audit_log_entity on audit_log (entity, entity_id);
create index audit_log_user on audit_log (username, at);

-- the audit log is append-only: no update, no delete, whoever asks
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
    for each statement execute function audit_log_append_only();
