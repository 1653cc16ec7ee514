-- migration: moves of floating people (arrivals, departures) and verification requests (协查) with their
-- feedback (反馈), in both directions. person_id refers to the people feature's persons (no foreign key
-- across features: migration reaches persons through PersonService only).
create table migration_move (
    id                   bigserial primary key,
    person_id            bigint not null,
    kind                 text not null check (kind in ('ARRIVAL', 'DEPARTURE')),
    moved_on             date not null,
    reason               text,
    employer             text,
    housing              text check (housing in ('RENTED', 'DORMITORY', 'OWN', 'OTHER')),
    landlord             text,
    expected_stay_months int,
    place_code           varchar(12),  -- hukou place (arrival) or destination (departure)
    contact              text,
    key_subject          boolean not null default false,
    recorded_by          text not null,
    recorded_at          timestamptz not null default now()
);
create index migration_move_person on migration_move (person_id);

create table verification_request (
    id            uuid primary key,          -- the exchange message id of the request
    direction     text not null check (direction in ('OUT', 'IN')),
    peer_code     varchar(12) not null,      -- OUT: the hukou place asked; IN: the node that asked
    person_id     bigint,                    -- OUT: our inflow person; IN: the matched local person, null if none
    id_number     varchar(18),
    name          text not null,
    birth_date    date,
    sex           text,
    key_subject   boolean not null default false,
    deadline      date not null,
    state         text not null check (state in ('SENT', 'ANSWERED', 'UNMATCHED', 'MATCHED')),
    feedback      text,                      -- JSON: found, maritalStatus, children, contraception, note
    created_at    timestamptz not null default now(),
    answered_at   timestamptz
);
create index verification_request_state on verification_request (direction, state, deadline);
