package org.renkou.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.renkou.common.Dates;
import org.renkou.outreach.OutreachService;
import org.renkou.people.BulkLoader;
import org.renkou.people.BulkLoader.NewHousehold;
import org.renkou.people.BulkLoader.NewPerson;
import org.renkou.supplies.SupplyService;
import org.renkou.support.AllowanceService;
import org.renkou.support.Programme;
import org.renkou.support.SupportBulkLoader;
import org.springframework.stereotype.Component;

/**
 * The demo town's family support, supplies and outreach, to the report's figures: the town's visits to 124
 * households with ¥28,800 and the village associations' 2,240 households with ¥549,700 and their goods; the
 * hundred-day campaign's publicity; the two trainings; 15 distribution points and a survey; and, for today,
 * the childcare subsidy paid for the children under 3.
 */
@Component
class DemoSupport {
    static final String CAMPAIGN = "服务育龄群众百日行";
    private static final String[] KINDS = {"MARKET", "COMMUNITY", "ENTERPRISE", "BUILDING_SITE"};

    private final SupportBulkLoader loader;
    private final OutreachService outreach;
    private final SupplyService supplies;
    private final AllowanceService allowances;
    private final org.renkou.portal.AppointmentService appointments;

    DemoSupport(SupportBulkLoader loader, OutreachService outreach, SupplyService supplies, AllowanceService allowances,
                org.renkou.portal.AppointmentService appointments) {
        this.appointments = appointments;
        this.loader = loader;
        this.outreach = outreach;
        this.supplies = supplies;
        this.allowances = allowances;
    }

    void generate(List<NewHousehold> households, List<NewPerson> persons, List<Integer> mothers, BulkLoader.Loaded ids,
                  Random rnd) {
        visits(households, ids.firstHousehold(), rnd);
        publicity();
        supplies(rnd);
        childcare(persons, mothers, ids.firstPerson());
        serviceSlots();
    }

    /** The portal's appointment slots for the next two weeks at the town's service station and clinic. */
    private void serviceSlots() {
        long station = appointments.addPoint("捞刀河镇计生服务站", "捞刀河镇政府一楼", DemoTown.TOWN_CODE + "001");
        long clinic = appointments.addPoint("捞刀河镇卫生院", "捞刀河镇卫生院门诊二楼", DemoTown.TOWN_CODE + "002");
        LocalDate today = Dates.today();
        for (int d = 1; d <= 14; d++) {
            LocalDate day = today.plusDays(d);
            if (day.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            for (int hour : new int[]{9, 14}) {
                java.time.OffsetDateTime at = day.atTime(hour, 0).atZone(Dates.ZONE).toOffsetDateTime();
                appointments.addSlot(clinic, "CHECK", at, 10);
                appointments.addSlot(station, hour == 9 ? "BIRTH_REGISTRATION" : "CONSULTATION", at, 5);
            }
        }
    }

    /** 124 town visits (84 × ¥200 + 40 × ¥300) and 2,240 association visits (1,223 × ¥200 + 1,017 × ¥300) with goods. */
    private void visits(List<NewHousehold> households, long firstHousehold, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        List<SupportBulkLoader.NewVisit> visits = new ArrayList<>();
        List<SupportBulkLoader.NewFamily> families = new ArrayList<>();
        for (int k = 0; k < DemoTown.TOWN_VISITS; k++) {
            NewHousehold h = households.get(order.get(k));
            long household = firstHousehold + order.get(k);
            families.add(new SupportBulkLoader.NewFamily(household, h.villageCode(), k % 3 == 0 ? "因病致困" : k % 3 == 1 ? "独生子女伤残" : "老人独居",
                    "镇计生办 刘玉娥", DemoTown.UNITS.get(0).name().substring(0, 1) + "村专干", LocalDate.of(2011, 6, 1)));
            visits.add(new SupportBulkLoader.NewVisit(household, h.villageCode(), day(rnd), "TOWN", DemoTown.TOWN_NAME + "人民政府",
                    k < 84 ? 20_000 : 30_000, List.of()));
        }
        for (int k = 0; k < DemoTown.ASSOCIATION_VISITS; k++) {
            int index = order.get(DemoTown.TOWN_VISITS + k);
            NewHousehold h = households.get(index);
            String association = unitName(h.villageCode()) + "计生协会";
            List<SupportBulkLoader.Goods> goods = new ArrayList<>();
            if (k < 763) {
                goods.add(new SupportBulkLoader.Goods("食用油", BigDecimal.ONE, "瓶"));
            }
            if (k >= 2240 - 773) {
                goods.add(new SupportBulkLoader.Goods("大米", BigDecimal.ONE, "袋"));
            }
            if (k >= 500 && k < 860) {
                goods.add(new SupportBulkLoader.Goods("猪肉", BigDecimal.valueOf(2), "斤"));
            }
            goods.add(new SupportBulkLoader.Goods("年画", BigDecimal.valueOf(k == 0 ? 4 : 5), "张"));
            if (k < 1523) {
                goods.add(new SupportBulkLoader.Goods("避孕药具", BigDecimal.valueOf(2), "盒"));
            }
            visits.add(new SupportBulkLoader.NewVisit(firstHousehold + index, h.villageCode(), day(rnd), "ASSOCIATION", association,
                    k < 1223 ? 20_000 : 30_000, goods));
        }
        loader.load(families, visits, DemoTown.SOURCE);
    }

    private static LocalDate day(Random rnd) {
        return LocalDate.of(2012, 1, 5).plusDays(rnd.nextInt(16));
    }

    private static String unitName(String villageCode) {
        return DemoTown.UNITS.stream().filter(u -> villageCode.endsWith(u.suffix())).findFirst().orElseThrow().name();
    }

    /** The campaign's publicity (42 vehicle trips, 87 banners, 551 slogans, 30 showcases, 20,000 materials) and trainings. */
    private void publicity() {
        String town = DemoTown.TOWN_CODE;
        int[][] trips = {{2011, 12, 5, 14}, {2012, 1, 9, 16}, {2012, 2, 20, 12}};
        for (int[] t : trips) {
            outreach.record(LocalDate.of(t[0], t[1], t[2]), town, CAMPAIGN, "VEHICLE_TRIP", t[3], "宣传车巡回宣传");
        }
        outreach.record(LocalDate.of(2011, 12, 2), town, CAMPAIGN, "BANNER", 87, "各村居主要路口悬挂");
        outreach.record(LocalDate.of(2011, 12, 2), town, CAMPAIGN, "SLOGAN", 551, "刷写、张贴宣传标语");
        outreach.record(LocalDate.of(2011, 12, 10), town, CAMPAIGN, "SHOWCASE", 30, "更新宣传橱窗");
        outreach.record(LocalDate.of(2012, 1, 12), town, CAMPAIGN, "MATERIALS", 20_000, "印发计划生育知识手册");
        outreach.record(LocalDate.of(2012, 1, 12), town, CAMPAIGN, "PERFORMANCE", 1,
                "1月12日至13日在沙坪湘绣文化广场举办首届群众文化艺术节暨服务育龄群众百日行活动");
        outreach.record(LocalDate.of(2012, 1, 20), town, CAMPAIGN, "LETTER", 12_000, "致全镇育龄夫妇朋友的公开信（日历）");
        outreach.recordTraining("全镇计划生育专干业务培训", LocalDate.of(2012, 1, 31), 1, "捞刀河镇政府", "镇计生办各线专干", 35,
                town, "由镇计生办各线专干对村居专干进行业务培训");
        outreach.recordTraining("计生干部封闭式业务培训", LocalDate.of(2012, 2, 8), 3, "锦绣山庄", "区计生局", 50, town,
                "在区计生局领导组织下带领全镇计生干部进行三天封闭式培训");
    }

    /** The distribution points with stock of every item received and issued, two running low, and the 2012 survey. */
    private void supplies(Random rnd) {
        long condoms = supplies.items().get(0).id();
        long pills = supplies.items().get(1).id();
        long foam = supplies.items().get(2).id();
        long emergency = supplies.items().get(3).id();
        for (int p = 0; p < DemoTown.SUPPLY_POINTS; p++) {
            DemoTown.Unit unit = DemoTown.UNITS.get(p % DemoTown.UNITS.size());
            String kind = KINDS[p % KINDS.length];
            long id = supplies.addPoint(unit.name() + List.of("农贸市场", "社区服务站", "企业", "工地").get(p % 4) + "药具发放点", kind,
                    DemoTown.TOWN_CODE + unit.suffix(), unit.name() + "专干", "周一至周五 8:30-17:30").id();
            supplies.move(id, condoms, 300, LocalDate.of(2012, 1, 4), "区计生局配发");
            supplies.move(id, pills, 60, LocalDate.of(2012, 1, 4), "区计生局配发");
            supplies.move(id, condoms, -(p == 7 ? 270 : 120 + rnd.nextInt(80)), LocalDate.of(2012, 2, 15), "百日行期间发放");
            supplies.move(id, pills, -(20 + rnd.nextInt(20)), LocalDate.of(2012, 2, 15), "百日行期间发放");
            // the other two items arrive after the report's period, so its figures stay the seed's; no draw on rnd
            supplies.move(id, foam, 40, LocalDate.of(2012, 4, 5), "区计生局配发");
            supplies.move(id, emergency, 20, LocalDate.of(2012, 4, 5), "区计生局配发");
            supplies.move(id, foam, -(8 + p % 5 * 3), LocalDate.of(2012, 6, 12), "日常发放");
            supplies.move(id, emergency, -(p == 3 ? 14 : 3 + p % 4), LocalDate.of(2012, 6, 12), "日常发放");
        }
        supplies.recordSurvey(DemoTown.TOWN_CODE + "201", LocalDate.of(2012, 3, 10), 400, 397, 382);
    }

    /**
     * Today's children under 3: childcare subsidy applied for by their mothers, reviewed, approved and paid for this
     * year's months.
     */
    private void childcare(List<NewPerson> persons, List<Integer> mothers, long firstPerson) {
        Programme childcare = allowances.programmes().stream().filter(p -> p.code().equals("CHILDCARE")).findFirst().orElseThrow();
        LocalDate today = Dates.today();
        for (int i = persons.size() - DemoTown.CHILDREN_TODAY; i < persons.size(); i++) {
            loader.approve(childcare.id(), firstPerson + i, firstPerson + mothers.get(i), persons.get(i).villageCode(),
                    "未满3周岁（" + persons.get(i).birthDate() + " 出生），户籍在本地", "62170000" + String.format("%010d", i));
        }
        allowances.createBatch(childcare.id(), LocalDate.of(today.getYear(), 1, 1), today.withDayOfMonth(1));
    }
}
