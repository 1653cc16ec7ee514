-- Record linkage's background jobs besides runs: the bulk merge of AUTO pairs and the estimation of weights.
-- Each lives in one worker thread; at start-up those still running were cut off and are marked failed.

-- a bulk merge of the AUTO pairs a preview showed: up_to the preview's highest pair id, as_of its time
create table linkage_auto_merge (
    id          bigserial primary key,
    area_code   varchar(15) collate "C" not null,  -- '' for every area of the user
    up_to       bigint not null,
    as_of       timestamptz,
    status      text not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    total       int not null default 0,
    merged      int not null default 0,
    skipped     int not null default 0,
    failed      int not null default 0,
    message     text,                              -- a message key (shown in the reader's language) or text
    started_by  text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);

-- the pairs of a bulk merge, listed when it starts; outcome null: not reached (yet, or cut off by a stop).
-- A merge's outcome is written in the merge's own transaction, so the account and the register agree.
create table linkage_auto_merge_pair (
    job_id     bigint not null references linkage_auto_merge (id),
    position   int not null,
    pair_id    bigint not null references linkage_pair (id),
    outcome    text check (outcome in ('MERGED', 'SKIPPED', 'FAILED')),
    reason_key text,                              -- shown in the reader's language
    reason     text,                              -- or, where the cause gave words, those
    primary key (job_id, position)
);

-- an estimation of the weights by EM; weights_id the version it made
create table linkage_estimation (
    id          bigserial primary key,
    area_code   varchar(15) collate "C" not null,  -- '' for the whole register
    status      text not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    step        text not null default 'QUEUED',
    persons     int not null default 0,
    pairs       bigint not null default 0,
    weights_id  bigint references linkage_weights (id),
    message     text,
    started_by  text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
