-- The register as it stood on a date, for the features that count or list people (health, stats, ...).
-- These functions are the people feature's published view of its tables: others call them, never the tables.
-- Plain SQL functions, so PostgreSQL inlines them into the caller's query and its filters reach the indexes.
create function people_on(d date)
    returns table (person_id bigint, status text, sex text, birth_date date, marital_status text,
                   village_code varchar, grid_code varchar, household_id bigint, name text, id_number varchar,
                   id_number_flagged boolean)
    language sql stable as $$
    select p.id, s.status, p.sex, p.birth_date, p.marital_status, p.village_code, p.grid_code, p.household_id,
           p.name, p.id_number, p.id_number_flagged
    from person p join person_status_period s on s.person_id = p.id
    where not p.entered_by_mistake and s.valid_from <= d and (s.valid_to is null or s.valid_to > d)
$$;

-- 已婚育龄妇女: resident (registered or inflow) women aged 15-49 on the date, married (GB/T 2261.2 20-23).
create function married_wra_on(d date)
    returns table (person_id bigint, status text, birth_date date, village_code varchar, grid_code varchar,
                   household_id bigint, name text, id_number varchar)
    language sql stable as $$
    select w.person_id, w.status, w.birth_date, w.village_code, w.grid_code, w.household_id, w.name, w.id_number
    from people_on(d) w
    where w.sex = '2' and w.status in ('REGISTERED', 'INFLOW') and w.marital_status in ('20', '21', '22', '23')
      and w.birth_date > (d - interval '50 years')::date and w.birth_date <= (d - interval '15 years')::date
$$;

-- The village a person is registered in (for features that keep only a person's id).
create function person_village(id bigint) returns varchar language sql stable as $$
    select village_code from person where person.id = person_village.id
$$;
