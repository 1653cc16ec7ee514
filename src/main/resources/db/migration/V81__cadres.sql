-- the cadre team (计生干部队伍): the persons who serve, and the posts of the town, its units and grids.
create table cadre (
    id        bigserial primary key,
    name      text not null,
    phone     text,
    username  text unique,       -- their user account, where they have one
    person_id bigint,            -- their record in the register, where they are in it
    note      text
);

create table cadre_post (
    id        bigserial primary key,
    kind      text not null check (kind in ('TOWN_STAFF', 'VILLAGE_CADRE', 'WOMENS_GROUP_LEADER', 'FLOATING_ASSISTANT',
                                            'VOLUNTEER')),
    area_code varchar(15) collate "C" not null,    -- the town, the village-level unit or the grid
    title     text not null,
    cadre_id  bigint references cadre (id),        -- null: the post is vacant
    since     date,
    check ((cadre_id is null) = (since is null))
);
create index cadre_post_area on cadre_post (area_code);
create index cadre_post_cadre on cadre_post (cadre_id);
