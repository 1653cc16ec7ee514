-- health: each mother's own children as the birth records know them (not adopted, not of a former marriage),
-- published for the support feature's allowance rules (奖励扶助, 特别扶助).
create function mothers_children()
    returns table (mother_id bigint, children bigint, daughters bigint, deceased bigint)
    language sql stable as $$
    select b.mother_id, count(*), count(*) filter (where b.sex = '2'), count(*) filter (where b.died_on is not null)
    from birth b where not b.adopted and not b.former_marriage
    group by b.mother_id
$$;
