-- the pairs an import queued, counted on the import's page
create index linkage_pair_import on linkage_pair (import_job_id) where import_job_id is not null;

-- people's published view for linkage, of given persons (those an import just added)
create function people_for_linkage_ids(ids bigint[])
    returns table (person_id bigint, name text, id_number varchar, id_number_flagged boolean, sex text,
                   birth_date date, household_no text, hukou_code varchar, village_code varchar, phone text)
    language sql stable as $$
    select p.id, p.name, p.id_number, p.id_number_flagged, p.sex, p.birth_date, h.household_no, p.hukou_code,
           p.village_code, p.phone
    from person p left join household h on h.id = p.household_id
    where not p.entered_by_mistake and p.id = any(ids)
$$;
