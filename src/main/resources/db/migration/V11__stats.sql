-- stats: the editable template of the yearly work report (工作汇报). Lines starting with "# " are headings,
-- {CODE} is an indicator's value ({CODE.numerator}, {CODE.denominator}), {AREA} {FROM} {TO} {DATE} describe the
-- query, and a line [[chart:ID]] embeds a dashboard chart.
create table report_template (
    id         text primary key,
    name       text not null,
    body       text not null,
    updated_by text not null,
    updated_at timestamptz not null default now()
);

insert into report_template (id, name, body, updated_by) values ('work-report', '工作汇报', $t$# {AREA}人口和计划生育服务工作汇报

（{FROM} 至 {TO}，人数截至 {DATE}）

{AREA}辖 {VILLAGE_UNITS} 个村居。目前有常住人口 {POP_RESIDENT} 人，流入人口 {POP_INFLOW} 人，流出人口 {POP_OUTFLOW} 人，户籍人口 {POP_REGISTERED} 人。期内共出生 {BIRTHS} 人（其中男孩 {BIRTHS_MALE} 人、女孩 {BIRTHS_FEMALE} 人），出生人口性别比为 {SEX_RATIO_AT_BIRTH}，符合政策生育率为 {POLICY_BIRTH_RATE}%。下面，就服务育龄群众、流动人口服务管理和计生干部队伍建设三个方面做一个简要汇报。

[[chart:pyramid]]

# 一、服务育龄群众工作

组织开展三查服务，应查已婚育龄妇女 {CHECK_RATE.denominator} 人，实查 {CHECK_RATE.numerator} 人，三查率为 {CHECK_RATE}%；未到检人员由村居专干逐一随访落实。全镇已婚育龄妇女 {WRA_MARRIED} 人，避孕节育措施落实率为 {CONTRACEPTION_RATE}%。

[[chart:rates-areas]]

[[chart:method-mix]]

# 二、流动人口服务管理

现有流入人口 {POP_INFLOW} 人（男 {POP_INFLOW_MALE} 人，女 {POP_INFLOW_FEMALE} 人，其中育龄妇女 {POP_INFLOW_WRA} 人），流出人口 {POP_OUTFLOW} 人。期内向户籍地发出协查 {EXCHANGE_FEEDBACK_TIMELINESS.denominator} 件，按期收到反馈 {EXCHANGE_FEEDBACK_TIMELINESS.numerator} 件，反馈及时率为 {EXCHANGE_FEEDBACK_TIMELINESS}%。

[[chart:inflow-years]]

# 三、宣传服务与家庭扶助

期内共出动宣传车 {PUBLICITY_VEHICLE_TRIP} 台次，悬挂横幅 {PUBLICITY_BANNER} 条，宣传标语 {PUBLICITY_SLOGAN} 条，宣传橱窗 {PUBLICITY_SHOWCASE} 个，发放宣传资料 {PUBLICITY_MATERIALS} 份。镇慰问困难家庭 {SUPPORT_TOWN_HOUSEHOLDS} 户，发放慰问金 {SUPPORT_TOWN_CASH} 元；各村（居）计生协会慰问 {SUPPORT_ASSOC_HOUSEHOLDS} 户，发放慰问金 {SUPPORT_ASSOC_CASH} 元，食用油 {GOODS_OIL} 瓶、大米 {GOODS_RICE} 袋、猪肉 {GOODS_MEAT} 斤、年画 {GOODS_NEW_YEAR_PICTURES} 张、避孕药具 {GOODS_CONTRACEPTIVES} 盒。全镇设免费药具发放点 {SUPPLY_POINTS} 个，药具获得率 {SUPPLY_ACQUISITION_RATE}%，政策知晓率 {POLICY_AWARENESS_RATE}%。

# 四、计生干部队伍建设

期内举办培训 {TRAINING_SESSIONS} 期，参训 {TRAINING_PARTICIPANTS} 人次，共 {TRAINING_PARTICIPANT_DAYS} 人天。
$t$, 'system');
