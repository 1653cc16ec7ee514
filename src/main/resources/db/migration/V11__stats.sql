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

# 三、计生干部队伍建设

（请填写培训和队伍建设情况。）
$t$, 'system');
