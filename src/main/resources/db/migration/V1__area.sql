-- area: the tree of places. Codes nest by prefix: county 6 digits, town 9, village-level unit 12, grid 15.
create table area (
    code        varchar(15) collate "C" primary key,
    name        text not null,
    level       text not null check (level in ('COUNTY', 'TOWN', 'VILLAGE', 'GRID')),
    parent_code varchar(15) collate "C" references area (code),
    kind        text check (kind in ('VILLAGE', 'COMMUNITY')),
    area_km2    numeric(10, 2),
    check ((level = 'COUNTY' and length(code) = 6) or (level = 'TOWN' and length(code) = 9)
        or (level = 'VILLAGE' and length(code) = 12) or (level = 'GRID' and length(code) = 15)),
    check ((level = 'VILLAGE') = (kind is not null))
);
create index area_parent on area (parent_code);
