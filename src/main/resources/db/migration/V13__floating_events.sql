-- people: the floating population on a date (published for the migration feature, like people_on).
create function floating_on(d date)
    returns table (person_id bigint, status text, sex text, birth_date date, village_code varchar, grid_code varchar,
                   name text, id_number varchar, hukou_code varchar, move_reason text, other_place_code varchar,
                   arrived_on date, left_on date)
    language sql stable as $$
    select f.person_id, f.status, f.sex, f.birth_date, f.village_code, f.grid_code, f.name, f.id_number,
           p.hukou_code, p.move_reason, p.other_place_code, p.arrived_on, p.left_on
    from people_on(d) f join person p on p.id = f.person_id
    where f.status in ('INFLOW', 'OUTFLOW')
$$;

-- migration: departures (流出), returns and leavings are dated events too; notices (通报) between towns.
alter table migration_move drop constraint migration_move_kind_check;
alter table migration_move add constraint migration_move_kind_check
    check (kind in ('ARRIVAL', 'DEPARTURE', 'RETURN', 'LEAVING'));

create table migration_notice (
    id          uuid primary key,           -- the exchange message id
    direction   text not null check (direction in ('OUT', 'IN')),
    peer_code   varchar(12) not null,
    event       text not null check (event in ('ARRIVAL', 'DEPARTURE', 'RETURN', 'LEAVING')),
    person_id   bigint,                     -- OUT: ours; IN: the matched local person, null if none
    id_number   varchar(18),
    name        text not null,
    moved_on    date not null,
    place_code  varchar(12),
    created_at  timestamptz not null default now()
);
create index migration_notice_direction on migration_notice (direction, created_at);
