-- The work report's default template reads like the town's own report (the seed): the town's profile, the
-- 100-day campaign, equal services for floating people, the cadre team and the plan ahead, every figure a
-- placeholder. The default is kept beside the office's text so that the office can go back to it; a template
-- the office has already changed keeps its text.
alter table report_template add column default_body text;

update report_template set default_body = $t$# {AREA}人口和计划生育工作汇报

（{FROM} 至 {TO}，人数截至 {DATE}）

尊敬的各位领导：

热烈欢迎各位领导莅临{AREA}指导工作，感谢各位领导一直以来的关心和支持！{AREA}面积 {AREA_KM2} 平方公里，辖 {VILLAGE_UNITS} 个村居（{VILLAGES} 个村，{COMMUNITIES} 个社区）。截至{DATE_TEXT}，有常住人口 {POP_RESIDENT} 人，流入人口 {POP_INFLOW} 人，流出人口 {POP_OUTFLOW} 人，户籍人口 {POP_REGISTERED} 人。{FROM_TEXT}以来共出生 {BIRTHS} 人（其中男孩 {BIRTHS_MALE} 人、女孩 {BIRTHS_FEMALE} 人），出生人口性别比为 {SEX_RATIO_AT_BIRTH}，符合政策生育率为 {POLICY_BIRTH_RATE}%。下面，我就百日行活动、流动人口均等化服务和计生干部队伍建设的情况做一个简要汇报，并汇报下一步的工作打算。

[[chart:pyramid]]

# 一、百日行工作

为响应开展“服务育龄群众百日行活动”的号召，我们成立了由党政办、计生办、民政办、派出所、卫生院等部门为成员单位的百日行活动领导小组，主要做了以下几方面工作：

一是抓好队伍业务水平提升。为提升计生干部的思想素质和业务能力，期内组织业务培训 {TRAINING_SESSIONS} 期，参训 {TRAINING_PARTICIPANTS} 人次，累计 {TRAINING_PARTICIPANT_DAYS} 人天，由计生办各线专干对村居专干进行业务培训，提升了计生干部的业务素质和工作水平。

二是普及全员人口宣传教育。在发放传统宣传资料的基础上创新宣传载体、拓展宣传渠道：将计生知识编成群众喜闻乐见的节目，组织群众文艺演出 {PUBLICITY_PERFORMANCE} 场；对所有计生家庭（含流动人口家庭）上门走访，送去公开信 {PUBLICITY_LETTER} 封。活动期间共出动宣传车 {PUBLICITY_VEHICLE_TRIP} 台次，悬挂横幅 {PUBLICITY_BANNER} 条，张贴宣传标语 {PUBLICITY_SLOGAN} 条，设宣传橱窗 {PUBLICITY_SHOWCASE} 个，发放宣传资料 {PUBLICITY_MATERIALS} 份。

[[chart:publicity]]

三是逐户全员人口信息采录。抓住元旦、春节流动人口返乡高峰期，组织计生工作人员和计生协会会员对辖区内全员人口信息进行全面清查、全面完善和全面核对，核对个案 {REGISTER_ACCURACY.denominator} 人，其中信息准确 {REGISTER_ACCURACY.numerator} 人，全员人口个案覆盖率达到 {REGISTER_COVERAGE}%，信息准确率达到 {REGISTER_ACCURACY}%。同时，依托实时通系统做好流动人口信息的提交、反馈和核查，期内向户籍地发出协查 {EXCHANGE_FEEDBACK_TIMELINESS.denominator} 件，按期收到反馈 {EXCHANGE_FEEDBACK_TIMELINESS.numerator} 件，流动人口信息反馈及时率为 {EXCHANGE_FEEDBACK_TIMELINESS}%。

四是开展查环孕检提升服务。对所有已婚育龄妇女（包括流动人口育龄妇女）开展免费孕环情检查，应查 {CHECK_RATE.denominator} 人，参检 {CHECK_RATE.numerator} 人，孕检率达 {CHECK_RATE}%，未到检人员由各村居计生专干逐一随访落实。现有已婚育龄妇女 {WRA_MARRIED} 人，避孕节育措施落实率为 {CONTRACEPTION_RATE}%。

[[chart:method-mix]]

五是关爱困难家庭走访慰问。开展“送政策、送服务、送温暖”上门和“生育关怀行动”等活动，走访慰问计划生育困难家庭。计生办共走访慰问困难家庭 {SUPPORT_TOWN_HOUSEHOLDS} 户，发放慰问金 {SUPPORT_TOWN_CASH} 元；各村（居）计生协会走访慰问困难户和计划生育家庭 {SUPPORT_ASSOC_HOUSEHOLDS} 户，发放慰问金 {SUPPORT_ASSOC_CASH} 元，食用油 {GOODS_OIL} 瓶，大米 {GOODS_RICE} 袋，猪肉 {GOODS_MEAT} 斤，年画 {GOODS_NEW_YEAR_PICTURES} 幅，避孕药具 {GOODS_CONTRACEPTIVES} 盒。

[[chart:support]]

六是免费药具送到身边。在市场、社区、企业、工地等人员集中的场所设立免费避孕药具发放点 {SUPPLY_POINTS} 个，期内发放药具 {SUPPLY_ISSUED} 件，避孕药具获得率为 {SUPPLY_ACQUISITION_RATE}%，计划生育政策知晓率为 {POLICY_AWARENESS_RATE}%。

# 二、流动人口均等化服务工作

现有流入人口 {POP_INFLOW} 人，其中男性 {POP_INFLOW_MALE} 人，女性 {POP_INFLOW_FEMALE} 人，育龄妇女 {POP_INFLOW_WRA} 人；流出人口 {POP_OUTFLOW} 人。流入人口逐年增加，构成复杂，有租房居住办企业的，有租地种养殖的，有来企业务工的，以家庭式流动居多，分布相对集中。

[[chart:inflow-years]]

为全面推进流动人口计划生育服务管理，按照分类指导、创新载体、打造亮点、全面推进的原则，主要做了如下工作：

一是建立了四大机制。第一，建立工作责任机制：党委、政府成立流动人口均等化服务工作领导小组，定期督促，发现问题及时整改，确保工作不走过场、不流于形式。第二，建立部门联动机制：人口计生办、综治办、派出所协同办公，与各村居、单位签订目标管理责任书，发挥派出所、学校、卫生院、民政等机构的作用，为流动人口在申办户口、子女入学入托、就医、劳动技能培训、购房租房、困难救助等方面提供均等化服务。第三，完善信息互通共享机制：依托流动人口信息平台和政府网站的流动人口计划生育服务专栏，为流动人口提供咨询、预约、查询、投诉和建议、告知、随访、提醒服务，期内受理群众诉求 {PORTAL_REQUESTS} 件。第四，推进公共服务网格化管理机制：各部门分线负责，各村居主要负责人分块负责，依托村居专干、妇女组长、流动人口协管员和志愿者队伍，为流动人口提供宣传教育、技术服务、优生指导和生殖健康咨询等基本公共服务。

二是推进了六项工作。期内共为流动人口提供均等化服务 {EQUAL_SERVICES} 件。第一，户籍服务：协助申办户口 {EQUAL_SERVICES_HUKOU} 件。第二，子女入学入托：协调解决入学入托 {EQUAL_SERVICES_SCHOOLING} 件。第三，就医服务：转介就医 {EQUAL_SERVICES_MEDICAL} 件，并定期提供免费查孕、查环、查病服务。第四，劳动技能培训：推荐参加技能培训 {EQUAL_SERVICES_TRAINING} 件。第五，购房租房：协助解决住房 {EQUAL_SERVICES_HOUSING} 件。第六，困难救助：转介困难救助 {EQUAL_SERVICES_RELIEF} 件。对超过期限尚未办结的 {REFERRALS_OPEN_OVERDUE} 件转介，逐件督办落实。

# 三、计生干部队伍建设

计生工作队伍现有岗位 {CADRE_POSTS} 个，已配备 {CADRE_POSTS_FILLED} 人，空缺 {CADRE_POSTS_VACANT} 个。其中村居计生专干 {CADRE_VILLAGE_CADRES} 人，妇女组长 {CADRE_WOMENS_GROUP_LEADERS} 人，流动人口协管员 {CADRE_FLOATING_ASSISTANTS} 人，志愿者 {CADRE_VOLUNTEERS} 人，做到村村有专干、组组有联络、网格有人管。期内计生干部共参加培训 {CADRE_TRAINING_HOURS} 小时，队伍的业务素质和服务水平进一步提高。

# 下一步工作打算

一是巩固全员人口信息质量，坚持常态化清查核对，保持个案覆盖率和准确率（目前分别为 {REGISTER_COVERAGE}% 和 {REGISTER_ACCURACY}%）稳中有升。二是深化流动人口均等化服务，对每一件转介跟踪到底、按期办结。三是补齐计生干部队伍的 {CADRE_POSTS_VACANT} 个空缺岗位，加强业务培训。四是继续做好查环孕检、避孕药具免费发放和困难家庭帮扶，全面落实目标管理责任。
$t$ where id = 'work-report';

update report_template set default_body = $t$# {AREA}: work report on population and family-planning services

({FROM} to {TO}, people counted on {DATE})

Dear leaders,

Welcome to {AREA}, and thank you for your continued care and support. {AREA} covers {AREA_KM2} km² with {VILLAGE_UNITS} village-level units ({VILLAGES} villages and {COMMUNITIES} communities). As of {DATE_TEXT} it has {POP_RESIDENT} residents; {POP_INFLOW} people have moved in and {POP_OUTFLOW} have moved away, and the registered (hukou) population is {POP_REGISTERED}. Since {FROM_TEXT}, {BIRTHS} children have been born ({BIRTHS_MALE} boys and {BIRTHS_FEMALE} girls), a sex ratio at birth of {SEX_RATIO_AT_BIRTH}; {POLICY_BIRTH_RATE}% of the births were within policy. I will report briefly on the 100-day campaign, equal services for the floating population and the family-planning staff, and then on our plans.

[[chart:pyramid]]

# 1. The 100-day campaign

Answering the call for a "100 days of service to couples of reproductive age", we set up a campaign group of the government office, the family-planning office, civil affairs, the police station and the clinic. The main work was as follows.

Training the staff. {TRAINING_SESSIONS} training sessions were held with {TRAINING_PARTICIPANTS} participants, {TRAINING_PARTICIPANT_DAYS} participant-days in all; the office's specialists trained the village cadres in every line of the work.

Publicity for everyone. Besides the usual leaflets, family-planning knowledge went into shows that people like to watch: {PUBLICITY_PERFORMANCE} performances were staged, and every family-planning family (floating families included) was visited with an open letter, {PUBLICITY_LETTER} letters in all. During the campaign publicity vehicles went out {PUBLICITY_VEHICLE_TRIP} times; {PUBLICITY_BANNER} banners, {PUBLICITY_SLOGAN} slogans and {PUBLICITY_SHOWCASE} showcases were put up and {PUBLICITY_MATERIALS} leaflets handed out.

[[chart:publicity]]

Recording every household. Over New Year and the Spring Festival, when floating people come home, staff and association members checked, completed and verified the register household by household: {REGISTER_ACCURACY.denominator} records were checked and {REGISTER_ACCURACY.numerator} of them found correct; register coverage reached {REGISTER_COVERAGE}% and accuracy {REGISTER_ACCURACY}%. Through the exchange system, {EXCHANGE_FEEDBACK_TIMELINESS.denominator} verification requests went to the hukou places and {EXCHANGE_FEEDBACK_TIMELINESS.numerator} were answered in time, a timeliness of {EXCHANGE_FEEDBACK_TIMELINESS}%.

Checks. Every married woman of reproductive age (floating women included) was offered a free check: {CHECK_RATE.denominator} were due and {CHECK_RATE.numerator} came, a check rate of {CHECK_RATE}%; the village cadres followed up each woman who did not come. Of the {WRA_MARRIED} married women of reproductive age, {CONTRACEPTION_RATE}% have a contraceptive measure in force.

[[chart:method-mix]]

Visits to families in difficulty. Under the "policy, service and warmth to the door" and "care for families" actions, the office visited {SUPPORT_TOWN_HOUSEHOLDS} families in difficulty with ¥{SUPPORT_TOWN_CASH}; the village family-planning associations visited {SUPPORT_ASSOC_HOUSEHOLDS} families with ¥{SUPPORT_ASSOC_CASH}, {GOODS_OIL} bottles of oil, {GOODS_RICE} bags of rice, {GOODS_MEAT} jin of pork, {GOODS_NEW_YEAR_PICTURES} New Year pictures and {GOODS_CONTRACEPTIVES} boxes of contraceptives.

[[chart:support]]

Free supplies close to home. {SUPPLY_POINTS} free contraceptive distribution points in markets, communities, enterprises and building sites issued {SUPPLY_ISSUED} items; the acquisition rate is {SUPPLY_ACQUISITION_RATE}% and the policy awareness rate {POLICY_AWARENESS_RATE}%.

# 2. Equal services for the floating population

{POP_INFLOW} people have moved in ({POP_INFLOW_MALE} men and {POP_INFLOW_FEMALE} women, {POP_INFLOW_WRA} of them women of reproductive age) and {POP_OUTFLOW} have moved away. The inflow grows year by year and is varied: people who rent homes and run businesses, who rent land to farm, who work in the enterprises; most come as families and they live close together.

[[chart:inflow-years]]

Four mechanisms. Responsibility: the party committee and the government lead a working group that supervises the work and has problems put right at once. Joint work: the family-planning office, the public-order office and the police station work as one team, target agreements are signed with every village and unit, and the police station, schools, the clinic and civil affairs serve floating people as residents in hukou matters, school and kindergarten places, medical care, skills training, housing and hardship relief. Shared information: the floating-population platform and the service column on the government website offer consultation, appointments, queries, complaints and suggestions, notices, follow-up visits and reminders; {PORTAL_REQUESTS} requests were received in the period. Grids: each office answers for its line and each village head for their area, with the village cadres, women's group leaders, floating-population assistants and volunteers bringing publicity, technical services, advice and reproductive health care to floating people.

Six services. {EQUAL_SERVICES} services were given to floating people in the period: {EQUAL_SERVICES_HUKOU} in hukou matters, {EQUAL_SERVICES_SCHOOLING} school and kindergarten places, {EQUAL_SERVICES_MEDICAL} referrals for medical care (besides the free regular checks), {EQUAL_SERVICES_TRAINING} for skills training, {EQUAL_SERVICES_HOUSING} for housing and {EQUAL_SERVICES_RELIEF} for hardship relief. The {REFERRALS_OPEN_OVERDUE} referrals still open past their deadline are being followed up one by one.

# 3. The family-planning staff

The team has {CADRE_POSTS} posts, {CADRE_POSTS_FILLED} filled and {CADRE_POSTS_VACANT} vacant: {CADRE_VILLAGE_CADRES} village cadres, {CADRE_WOMENS_GROUP_LEADERS} women's group leaders, {CADRE_FLOATING_ASSISTANTS} floating-population assistants and {CADRE_VOLUNTEERS} volunteers, so that every village has its cadre and every grid someone who answers for it. The staff attended {CADRE_TRAINING_HOURS} hours of training in the period.

# Plans

We will keep the register right with regular verification, holding coverage and accuracy (now {REGISTER_COVERAGE}% and {REGISTER_ACCURACY}%) at least where they are; follow every referral of a floating person to its outcome in time; fill the {CADRE_POSTS_VACANT} vacant posts and keep training the staff; and carry on the checks, the free supplies and the support of families in difficulty, meeting every target we have signed.
$t$ where id = 'work-report-en';

update report_template set body = default_body, updated_at = now() where updated_by = 'system';

alter table report_template alter column default_body set not null;
