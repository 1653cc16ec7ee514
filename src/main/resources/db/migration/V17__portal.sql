-- portal: the public service column. Its own tables; it reaches persons only through the people and health
-- features' resident views, and only for the person who proved who they are with a one-time code.
create table portal_page (
    slug       text primary key,
    title      text not null,
    body       text not null,
    updated_by text not null,
    updated_at timestamptz not null default now()
);
insert into portal_page (slug, title, body, updated_by) values
('policy', '生育政策', $p$国家实施一对夫妻可以生育三个子女政策，取消社会抚养费等制约措施，配套实施积极生育支持措施。

生育登记：夫妻双方在一方户籍地或居住地登记，可在本栏目预约办理。

育儿补贴：自 2025 年 1 月 1 日起，每孩每年 3600 元，发放至满 3 周岁，在孩子户籍地申领。$p$, 'system'),
('services', '服务项目', $p$免费孕前优生健康检查、三查服务、避孕药具免费发放、生育登记、计划生育证明、流动人口婚育证明。

流动人口在现居住地与户籍地享有同等的计划生育服务。$p$, 'system');

create table portal_request (
    id            bigserial primary key,
    tracking_no   text not null unique,
    secret        text not null,               -- the private link's token
    kind          text not null check (kind in ('CONSULTATION', 'COMPLAINT', 'SUGGESTION')),
    village_code  varchar(15) collate "C",
    subject       text not null,
    body          text not null,
    contact_name  text,
    contact_phone text,
    client_addr   text,
    state         text not null default 'OPEN' check (state in ('OPEN', 'ASSIGNED', 'ANSWERED', 'CLOSED')),
    assigned_to   text,
    answer        text,
    answered_by   text,
    answered_at   timestamptz,
    due_on        date not null,
    closed_at     timestamptz,
    created_at    timestamptz not null default now()
);
create index portal_request_state on portal_request (state, due_on);

create table service_point (
    id           bigserial primary key,
    name         text not null,
    address      text not null,
    village_code varchar(15) collate "C"
);

create table appointment_slot (
    id        bigserial primary key,
    point_id  bigint not null references service_point (id),
    service   text not null check (service in ('CHECK', 'CONSULTATION', 'BIRTH_REGISTRATION', 'CERTIFICATE')),
    starts_at timestamptz not null,
    capacity  int not null check (capacity > 0),
    booked    int not null default 0,
    check (booked between 0 and capacity)
);
create index appointment_slot_time on appointment_slot (starts_at);

create table appointment (
    id         bigserial primary key,
    reference  text not null unique,
    secret     text not null,
    slot_id    bigint not null references appointment_slot (id),
    name       text not null,
    phone      text not null,
    state      text not null default 'BOOKED' check (state in ('BOOKED', 'CANCELLED')),
    reminded   boolean not null default false,
    created_at timestamptz not null default now()
);
create index appointment_phone on appointment (phone);

create table portal_code (
    id          bigserial primary key,
    person_id   bigint not null,
    code_hash   text not null,
    expires_at  timestamptz not null,
    attempts    int not null default 0,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index portal_code_person on portal_code (person_id, created_at);

create table portal_notification (
    id         bigserial primary key,
    phone      text not null,
    person_id  bigint,
    kind       text not null,
    message    text not null,
    sent       boolean not null,
    created_at timestamptz not null default now()
);
create index portal_notification_phone on portal_notification (phone, created_at);

create table portal_optout (
    phone      text primary key,
    created_at timestamptz not null default now()
);

-- 随访: a staff member's follow-up visit about a request or a person
create table portal_followup (
    id          bigserial primary key,
    request_id  bigint references portal_request (id),
    person_id   bigint,
    visited_on  date not null,
    note        text not null,
    recorded_by text not null
);
