-- The applicant is the payee of an allowance: the beneficiary themself for the family-planning assistance, a
-- parent or guardian for the childcare subsidy (the bank never pays an infant). Applications made before this
-- kept no applicant: the beneficiary is named for the assistance, the child's mother where the register knows
-- her for the childcare subsidy. A childcare application still without an applicant is not paid until one is
-- recorded.
update allowance_application a set applicant_id = a.beneficiary_id
from allowance_programme r
where r.id = a.programme_id and r.rule <> 'CHILD_UNDER_3' and a.applicant_id is null;

update allowance_application a set applicant_id = p.mother_id
from allowance_programme r, person p
where r.id = a.programme_id and r.rule = 'CHILD_UNDER_3' and a.applicant_id is null
  and p.id = a.beneficiary_id and p.mother_id is not null;

-- Goods of visits are kept under their names (食用油, 大米 …): lines entered through the API as codes (OIL, RICE …)
-- are renamed, adding to a line of the same visit that already has the name.
create temporary table goods_code (code text primary key, name text not null) on commit drop;
insert into goods_code values ('OIL', '食用油'), ('RICE', '大米'), ('MEAT', '猪肉'), ('NEW_YEAR_PICTURES', '年画'),
                              ('CONTRACEPTIVES', '避孕药具');

update support_visit_goods n set quantity = n.quantity + c.quantity
from support_visit_goods c join goods_code g on upper(trim(c.item)) in (g.code, 'GOODS_' || g.code)
where n.visit_id = c.visit_id and n.item = g.name;

delete from support_visit_goods c using goods_code g, support_visit_goods n
where upper(trim(c.item)) in (g.code, 'GOODS_' || g.code) and n.visit_id = c.visit_id and n.item = g.name;

update support_visit_goods c set item = g.name
from goods_code g where upper(trim(c.item)) in (g.code, 'GOODS_' || g.code);
