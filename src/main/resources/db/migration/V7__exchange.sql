-- exchange: signed messages between Renkou nodes (other towns), through an outbox and an inbox.
create table exchange_node_key (
    id          int primary key check (id = 1),
    public_key  text not null,   -- Ed25519, X.509 DER, base64
    private_key text not null,   -- Ed25519, PKCS#8 DER, base64
    created_at  timestamptz not null default now()
);

create table exchange_peer (
    code       varchar(12) primary key,
    name       text not null,
    base_url   text not null,
    public_key text not null,
    created_at timestamptz not null default now()
);

create table exchange_outbox (
    id              uuid primary key,
    recipient       varchar(12) not null,
    kind            text not null,
    payload         text not null,
    correlation_id  uuid,
    state           text not null check (state in ('QUEUED', 'ACKNOWLEDGED', 'UNDELIVERABLE', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    acknowledged_at timestamptz
);
create index exchange_outbox_due on exchange_outbox (next_attempt_at) where state in ('QUEUED', 'UNDELIVERABLE');

create table exchange_inbox (
    id             uuid primary key,
    sender         varchar(12) not null,
    kind           text not null,
    payload        text not null,
    correlation_id uuid,
    sent_at        timestamptz not null,
    received_at    timestamptz not null default now()
);

-- messages refused on arrival (unknown sender, bad signature, stale, wrong recipient), for the record
create table exchange_rejection (
    id          bigserial primary key,
    message_id  text,
    sender      text,
    reason      text not null,
    client_addr text,
    received_at timestamptz not null default now()
);
