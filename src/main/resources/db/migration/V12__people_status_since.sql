-- When each person's current residence status began: most people have had one status all along, so a figure
-- for a date reads them straight from person (one pass, as fast as counting the table) and only those whose
-- status changed after the date need their status history.
alter table person add column status_since date;
update person p set status_since = s.valid_from
from person_status_period s where s.person_id = p.id and s.valid_to is null;
create index person_status_since on person (status_since);

-- A person's status on the date: most people straight from person (their status began by then), the few whose
-- status changed since from their history. Persons not yet in the register on the date do not appear.
create or replace function people_on(d date)
    returns table (person_id bigint, status text, sex text, birth_date date, marital_status text,
                   village_code varchar, grid_code varchar, household_id bigint, name text, id_number varchar,
                   id_number_flagged boolean)
    language sql stable as $$
    select p.id, p.status, p.sex, p.birth_date, p.marital_status, p.village_code, p.grid_code, p.household_id,
           p.name, p.id_number, p.id_number_flagged
    from person p
    where not p.entered_by_mistake and p.status_since <= d
    union all
    select p.id, s.status, p.sex, p.birth_date, p.marital_status, p.village_code, p.grid_code, p.household_id,
           p.name, p.id_number, p.id_number_flagged
    from person p join person_status_period s on s.person_id = p.id
    where not p.entered_by_mistake and (p.status_since > d or p.status_since is null)
      and s.valid_from <= d and (s.valid_to is null or s.valid_to > d)
$$;
