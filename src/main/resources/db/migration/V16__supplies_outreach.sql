-- supplies: free contraceptive distribution points, an item catalogue, a stock ledger per point and item whose
-- balance can never go below zero, and surveys giving the acquisition (获得率) and awareness (知晓率) rates.
create table supply_point (
    id           bigserial primary key,
    name         text not null,
    kind         text not null check (kind in ('MARKET', 'COMMUNITY', 'ENTERPRISE', 'BUILDING_SITE', 'CLINIC')),
    village_code varchar(15) collate "C" not null,
    keeper       text not null,
    opening      text,
    active       boolean not null default true
);

create table supply_item (
    id        bigserial primary key,
    name      text not null unique,
    unit      text not null,
    low_stock int not null default 0 check (low_stock >= 0)
);
insert into supply_item (name, unit, low_stock) values
('避孕套', '盒', 50), ('短效口服避孕药', '板', 30), ('外用避孕药', '支', 20), ('紧急避孕药', '盒', 10);

create table supply_stock (
    point_id bigint not null references supply_point (id),
    item_id  bigint not null references supply_item (id),
    balance  int not null check (balance >= 0),
    primary key (point_id, item_id)
);

create table supply_ledger (
    id            bigserial primary key,
    point_id      bigint not null references supply_point (id),
    item_id       bigint not null references supply_item (id),
    moved_on      date not null,
    quantity      int not null check (quantity <> 0),   -- received > 0, issued < 0
    balance_after int not null check (balance_after >= 0),
    note          text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);
create index supply_ledger_point on supply_ledger (point_id, item_id, id);
create index supply_ledger_date on supply_ledger (moved_on);

create table supply_survey (
    id           bigserial primary key,
    village_code varchar(15) collate "C" not null,
    surveyed_on  date not null,
    sample       int not null check (sample > 0),
    acquired     int not null check (acquired between 0 and sample),
    aware        int not null check (aware between 0 and sample),
    recorded_by  text not null
);

-- outreach: publicity activities with counts and photos, and training sessions.
create table outreach_activity (
    id           bigserial primary key,
    held_on      date not null,
    area_code    varchar(15) collate "C" not null,
    campaign     text,
    kind         text not null check (kind in ('VEHICLE_TRIP', 'BANNER', 'SLOGAN', 'SHOWCASE', 'MATERIALS', 'LETTER',
                                               'PERFORMANCE', 'VISIT', 'OTHER')),
    count        int not null check (count > 0),
    note         text,
    recorded_by  text not null
);
create index outreach_activity_date on outreach_activity (held_on, area_code);

create table outreach_photo (
    id           bigserial primary key,
    activity_id  bigint not null references outreach_activity (id),
    file_name    text not null,
    content_type text not null check (content_type in ('image/jpeg', 'image/png')),
    content      bytea not null,
    recorded_by  text not null
);

create table training_session (
    id           bigserial primary key,
    title        text not null,
    starts_on    date not null,
    days         int not null check (days > 0),
    place        text,
    trainer      text,
    participants int not null check (participants > 0),
    area_code    varchar(15) collate "C" not null,
    note         text,
    recorded_by  text not null
);
