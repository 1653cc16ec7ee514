-- access: a town officer sees their own town, no longer every area of the node; a county officer sees the county.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in ('ADMIN', 'COUNTY_OFFICER', 'TOWN_OFFICER',
    'VILLAGE_CADRE', 'GRID_WORKER', 'POLICE', 'CLINIC', 'SUPERVISOR'));

-- Town officers were town-wide without area codes: they keep the town(s) this node held until now.
update app_user set area_codes = (select coalesce(array_agg(code order by code), '{}') from area where level = 'TOWN')
where role = 'TOWN_OFFICER' and area_codes = '{}';
