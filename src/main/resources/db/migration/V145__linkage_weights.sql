-- Record linkage weights estimated from the register (EM), versioned; linkage/weights.tsv stays the default.
create table linkage_weights (
    id           bigserial primary key,
    area_code    varchar(15) collate "C" not null,  -- '' for the whole register
    match_share  double precision not null,         -- EM's share of true pairs among the blocked pairs
    pairs        bigint not null,                   -- blocked pairs the estimate was made from
    estimated_by text not null,
    estimated_at timestamptz not null default now()
);

create table linkage_weights_level (
    weights_id bigint not null references linkage_weights (id),
    position   int not null,
    comparison text not null,
    level      text not null,
    m          double precision not null check (m > 0 and m <= 1),
    u          double precision not null check (u > 0 and u <= 1),
    primary key (weights_id, position)
);

-- which weights score pairs: the latest row; weights_id null is the default (linkage/weights.tsv)
create table linkage_weights_use (
    id         bigserial primary key,
    weights_id bigint references linkage_weights (id),
    chosen_by  text not null,
    chosen_at  timestamptz not null default now()
);
