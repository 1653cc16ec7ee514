-- the work report's template in English, for users who read the application in English (same placeholders)
insert into report_template (id, name, body, updated_by) values ('work-report-en', 'Work report', $t$# Population and family-planning services in {AREA}: work report

({FROM} to {TO}, people counted on {DATE})

{AREA} has {VILLAGE_UNITS} villages and communities. Its resident population is {POP_RESIDENT}, with {POP_INFLOW} people who moved in and {POP_OUTFLOW} who moved away; the registered (hukou) population is {POP_REGISTERED}. In the period {BIRTHS} children were born ({BIRTHS_MALE} boys, {BIRTHS_FEMALE} girls), a sex ratio at birth of {SEX_RATIO_AT_BIRTH}; {POLICY_BIRTH_RATE}% of the births were within policy. This report covers services to couples of reproductive age, the floating population, and the training of family-planning staff.

[[chart:pyramid]]

# 1. Services to couples of reproductive age

The check campaigns were to see {CHECK_RATE.denominator} married women of reproductive age and saw {CHECK_RATE.numerator}, a check rate of {CHECK_RATE}%; the village cadres followed up each woman who did not come. Of the {WRA_MARRIED} married women of reproductive age, {CONTRACEPTION_RATE}% have a contraceptive measure in force.

[[chart:rates-areas]]

[[chart:method-mix]]

# 2. The floating population

{POP_INFLOW} people have moved in ({POP_INFLOW_MALE} men, {POP_INFLOW_FEMALE} women, {POP_INFLOW_WRA} of them women of reproductive age) and {POP_OUTFLOW} have moved away. In the period {EXCHANGE_FEEDBACK_TIMELINESS.denominator} verification requests went to the hukou places and {EXCHANGE_FEEDBACK_TIMELINESS.numerator} were answered in time, a timeliness of {EXCHANGE_FEEDBACK_TIMELINESS}%.

[[chart:inflow-years]]

# 3. Publicity and family support

Publicity vehicles went out {PUBLICITY_VEHICLE_TRIP} times; {PUBLICITY_BANNER} banners, {PUBLICITY_SLOGAN} slogans and {PUBLICITY_SHOWCASE} showcases were put up and {PUBLICITY_MATERIALS} leaflets handed out. The town visited {SUPPORT_TOWN_HOUSEHOLDS} families in difficulty with ¥{SUPPORT_TOWN_CASH}; the village family-planning associations visited {SUPPORT_ASSOC_HOUSEHOLDS} families with ¥{SUPPORT_ASSOC_CASH}, {GOODS_OIL} bottles of oil, {GOODS_RICE} bags of rice, {GOODS_MEAT} jin of pork, {GOODS_NEW_YEAR_PICTURES} New Year pictures and {GOODS_CONTRACEPTIVES} boxes of contraceptives. The town has {SUPPLY_POINTS} free contraceptive distribution points; the acquisition rate is {SUPPLY_ACQUISITION_RATE}% and the policy awareness rate {POLICY_AWARENESS_RATE}%.

# 4. Family-planning staff

{TRAINING_SESSIONS} training sessions were held with {TRAINING_PARTICIPANTS} participants, {TRAINING_PARTICIPANT_DAYS} participant-days in all.
$t$, 'system');
