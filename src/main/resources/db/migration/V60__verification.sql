-- verification: door-to-door verification rounds of the register (全员人口清查核对). The town office plans a round
-- over some areas; its worklist is every household of those areas as of the first day; grid workers and cadres
-- send visits (each once, by the phone's clientId); coverage and accuracy come from the visits' person results.
create table verification_round (
    id          bigserial primary key,
    name        text not null,
    starts_on   date not null,
    ends_on     date not null check (ends_on >= starts_on),
    planned_by  text not null,
    planned_at  timestamptz not null default now()
);
create index verification_round_ends on verification_round (ends_on);

create table verification_round_area (
    round_id  bigint not null references verification_round (id),
    area_code varchar(15) collate "C" not null,
    primary key (round_id, area_code)
);

-- The households to visit, as they were on the round's first day, with where the visits stand.
create table verification_household (
    round_id     bigint not null references verification_round (id),
    household_id bigint not null,
    household_no text not null,
    village_code varchar(15) collate "C" not null,
    grid_code    varchar(15) collate "C",
    address      text,
    persons      int not null,
    outcome      text check (outcome in ('VISITED', 'NOBODY_HOME', 'REFUSED')), -- null: not visited yet
    visited_on   date,
    primary key (round_id, household_id)
);
create index verification_household_area on verification_household (round_id, village_code, grid_code, address);
create index verification_household_no on verification_household (round_id, household_no);

-- One visit as the phone sent it; client_id makes a resend a no-op.
create table verification_visit (
    id           bigserial primary key,
    client_id    uuid not null unique,
    round_id     bigint not null references verification_round (id),
    household_id bigint not null,
    visited_on   date not null,
    outcome      text not null,
    username     text not null,
    received_at  timestamptz not null default now()
);
create index verification_visit_round on verification_visit (round_id, household_id);

-- Each person's latest result in a round (a household visited again replaces its persons' results).
create table verification_result (
    id           bigserial primary key,
    round_id     bigint not null references verification_round (id),
    person_id    bigint not null,
    visit_id     bigint not null references verification_visit (id),
    village_code varchar(15) collate "C" not null,
    grid_code    varchar(15) collate "C",
    result       text not null check (result in ('CORRECT', 'CORRECTED', 'NOT_LIVING_HERE', 'DECEASED', 'NEW')),
    unique (round_id, person_id)
);
create index verification_result_area on verification_result (round_id, village_code, grid_code);

-- Every change a round made to the register (fields old -> new), so the office can list and undo one.
create table verification_change (
    id         bigserial primary key,
    round_id   bigint not null references verification_round (id),
    visit_id   bigint not null references verification_visit (id),
    person_id  bigint not null,
    result     text not null,
    fields     jsonb not null, -- {field: [old, new]}
    made_by    text not null,
    made_at    timestamptz not null default now(),
    undone_by  text,
    undone_at  timestamptz
);
create index verification_change_round on verification_change (round_id, id);

-- people: the households of the register with their members as of a date (the members living in the household
-- or away from it: registered, inflow, outflow). Published for verification like people_on (V9).
create function household_members_on(d date)
    returns table (household_id bigint, household_no text, village_code varchar, grid_code varchar, address text,
                   person_id bigint)
    language sql stable as $$
    select h.id, h.household_no, h.village_code, h.grid_code, h.address, x.person_id
    from people_on(d) x join household h on h.id = x.household_id
    where x.status in ('REGISTERED', 'INFLOW', 'OUTFLOW')
$$;
