import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.math.BigDecimal;
import org.renkou.RenkouApplication;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.renkou.assessment.AgreementService;
import org.renkou.assessment.AssessmentService;
import org.renkou.assessment.Target;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.health.CampaignForm;
import org.renkou.health.CampaignService;
import org.renkou.health.HealthBulkLoader;
import org.renkou.health.HealthCodes;
import org.renkou.health.RosterLine;
import org.renkou.people.BulkLoader;
import org.renkou.people.PersonStatus;
import org.renkou.stats.DashboardService;
import org.renkou.stats.IndicatorService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county of 30 towns (27 village-level units each) and 1,000,000 persons with their status history, births,
 * contraception and a check campaign; then, for the year 2025:
 *  - every indicator for every area of the county (county, 30 towns, 810 villages);
 *  - one town's dashboard data;
 *  - the floor: one single-pass GROUP BY over the persons table giving population counts per village,
 *    against the population indicators alone (which read the dated status history);
 *  - the target assessment of the whole county for FP2025: every town's assessment of its 27 units (810 target
 *    agreements with the demo town's six targets), town by town as the API asks for it and in one pass
 *    (assessEveryTown), and the county's of its 30 towns.
 * With --assessment only the floor and the assessment are timed, with the assessment's indicators source by
 * source. Each measurement is the median of 7 runs after 2 warm-ups.
 */
public class IndicatorBench {
    static final String COUNTY = "430199";
    static final int TOWNS = 30;
    static final int VILLAGES = 27;
    static final int TOTAL = 1_000_000;
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final java.util.Set<String> ASSESSED = java.util.Set.of("POLICY_BIRTH_RATE", "CONTRACEPTION_RATE", "CHECK_RATE",
            "REGISTER_ACCURACY", "EXCHANGE_FEEDBACK_TIMELINESS", "SUPPLY_ACQUISITION_RATE");

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(RenkouApplication.class, "--server.port=0",
                "--renkou.embedded-db.ephemeral=true", "--renkou.demo=false", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try (app) {
            // the application fails closed: the bench works as the demo loader's system principal
            app.getBean(AccessService.class).runAs(SystemPrincipal.DEMO, () -> run(app, args));
        }
    }

    static void run(ConfigurableApplicationContext app, String[] args) {
        {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            List<String> villages = areas(app.getBean(AreaService.class));
            load(app.getBean(BulkLoader.class), app.getBean(HealthBulkLoader.class), villages);
            campaign(app.getBean(CampaignService.class), app.getBean(HealthBulkLoader.class));
            jdbc.sql("vacuum analyze").update();
            System.out.printf("built a county of %d towns, %,d persons, %,d births, %,d contraception records in %.0f s%n",
                    TOWNS, jdbc.sql("select count(*) from person").query(Long.class).single(),
                    jdbc.sql("select count(*) from birth").query(Long.class).single(),
                    jdbc.sql("select count(*) from contraception").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

            asAdministrator(app);
            IndicatorService indicators = app.getBean(IndicatorService.class);
            DashboardService dashboards = app.getBean(DashboardService.class);
            IndicatorService.Query county = indicators.query(COUNTY, "2025", null, null);
            IndicatorService.Query town = indicators.query(COUNTY + "101", "2025", null, null);
            IndicatorService.Query population = indicators.query(COUNTY, "2025", null, List.of("POP_RESIDENT",
                    "POP_REGISTERED", "POP_INFLOW", "POP_OUTFLOW", "POP_INFLOW_MALE", "POP_INFLOW_FEMALE"));
            String floorSql = """
                    select village_code, count(*) filter (where status in ('REGISTERED', 'INFLOW')),
                           count(*) filter (where status in ('REGISTERED', 'OUTFLOW')), count(*) filter (where status = 'INFLOW'),
                           count(*) filter (where status = 'OUTFLOW'), count(*) filter (where status = 'INFLOW' and sex = '1'),
                           count(*) filter (where status = 'INFLOW' and sex = '2')
                    from person where village_code like '430199%' group by village_code""";
            // --assessment: only the floor and the assessment (a quicker run when the machine is shared)
            boolean assessmentOnly = List.of(args).contains("--assessment");
            double floor = median("floor: single-pass GROUP BY over person, population counts per village",
                    () -> jdbc.sql(floorSql).query((rs, i) -> rs.getString(1)).list());
            double all = Double.NaN;
            double dash = Double.NaN;
            double pop = Double.NaN;
            if (!assessmentOnly) {
                int areasCounted = indicators.everyArea(county).size();
                all = median("every indicator (" + indicators.catalogue().size() + ") for every area of the county ("
                        + areasCounted + " areas), 2025", () -> indicators.everyArea(county));
                dash = median("one town's dashboard data (indicators, breakdown, charts)", () -> dashboards.dashboard(town));
                pop = median("population indicators of every area from the status history", () -> indicators.everyArea(population));
                System.out.printf("population indicators / floor = %.2f%n", pop / floor);
            }
            if (List.of(args).contains("--explain")) {
                explain(jdbc, "select p.village_code, count(*) filter (where status in ('REGISTERED', 'INFLOW')) from people_on(date '2025-12-31') p"
                        + " where (p.village_code like '430199%') group by p.village_code");
                explain(jdbc, "select p.village_code, count(*) filter (where status in ('REGISTERED', 'INFLOW')) from people_on(date '2025-12-31') p"
                        + " where (p.village_code like '430199101%') group by p.village_code");
                for (var source : app.getBeansOfType(org.renkou.stats.ChartSource.class).entrySet()) {
                    median("chart source " + source.getKey(), () -> source.getValue().charts(COUNTY + "101", town.period(), town.asOf()));
                }
                median("town values and breakdown", () -> indicators.valuesAndBreakdown(town));
                for (var source : app.getBeansOfType(org.renkou.stats.IndicatorSource.class).entrySet()) {
                    java.util.Set<String> codes = new java.util.HashSet<>();
                    source.getValue().catalogue().forEach(i -> codes.add(i.code()));
                    median("town indicators of " + source.getKey(), () -> source.getValue().compute(codes, COUNTY + "101",
                            town.period(), town.asOf()));
                }
                explain(jdbc, "select r.village_code, count(r.checked_on), count(*) from check_roster r"
                        + " join check_campaign c on c.id = r.campaign_id where c.ends_on between date '2025-01-01' and date '2025-12-31'"
                        + " and (r.village_code like '430199101%') group by r.village_code");
                explain(jdbc, "select count(*) filter (where s.valid_from <= date '2025-12-31' and (s.valid_to is null or s.valid_to > date '2025-12-31'))"
                        + " from person p join person_status_period s on s.person_id = p.id and s.status = 'INFLOW'"
                        + " where not p.entered_by_mistake and (p.village_code like '430199101%')");
                explain(jdbc, "select w.village_code, count(*), count(c.started_on) from married_wra_on(date '2025-12-31') w"
                        + " left join lateral (select started_on, method from contraception c where c.person_id = w.person_id"
                        + " and c.started_on <= date '2025-12-31' and (c.ended_on is null or c.ended_on > date '2025-12-31')"
                        + " order by c.started_on desc limit 1) c on true where (w.village_code like '430199101%') group by w.village_code");
                explain(jdbc, "select b.area_code, count(*), count(*) filter (where c.compliant) from birth b"
                        + " join birth_compliance c on c.birth_id = b.id where b.birth_date between date '2025-01-01' and date '2025-12-31'"
                        + " and (b.area_code like '430199101%') group by b.area_code");
            }
            agreements(app.getBean(AgreementService.class));
            AssessmentService assessments = app.getBean(AssessmentService.class);
            // where the assessment's time goes: its six indicators over the county, one source at a time
            java.util.Map<org.renkou.stats.IndicatorSource, List<String>> assessedBySource = new java.util.LinkedHashMap<>();
            for (var source : app.getBeansOfType(org.renkou.stats.IndicatorSource.class).values()) {
                List<String> codes = source.catalogue().stream().map(org.renkou.stats.Indicator::code)
                        .filter(ASSESSED::contains).toList();
                if (!codes.isEmpty()) {
                    assessedBySource.put(source, codes);
                }
            }
            assessedBySource.forEach((source, codes) -> median("  the county's " + String.join(", ", codes) + ", FP2025",
                    () -> indicators.everyArea(indicators.query(COUNTY, "FP2025", null, codes))));
            if (assessmentOnly) { // the contraception rate's query as it is and with the measures in force joined by hash
                String lateral = "select w.village_code, count(*), count(c.started_on) from married_wra_on(date '2025-09-30') w"
                        + " left join lateral (select started_on, method from contraception c where c.person_id = w.person_id"
                        + " and c.started_on <= date '2025-09-30' and (c.ended_on is null or c.ended_on > date '2025-09-30')"
                        + " order by c.started_on desc limit 1) c on true where (w.village_code like '430199%') group by w.village_code";
                String hashed = "select w.village_code, count(*), count(c.started_on) from married_wra_on(date '2025-09-30') w"
                        + " left join (select distinct on (person_id) person_id, started_on, method from contraception"
                        + " where started_on <= date '2025-09-30' and (ended_on is null or ended_on > date '2025-09-30')"
                        + " order by person_id, started_on desc) c on c.person_id = w.person_id"
                        + " where (w.village_code like '430199%') group by w.village_code";
                median("  contraception, lateral per woman", () -> jdbc.sql(lateral).query((rs, i) -> rs.getString(1)).list());
                median("  contraception, measures in force by hash join", () -> jdbc.sql(hashed).query((rs, i) -> rs.getString(1)).list());
                explain(jdbc, lateral);
                explain(jdbc, hashed);
            }
            double units = median("assessment of every unit of the county: " + TOWNS + " towns x " + VILLAGES
                    + " units, FP2025", () -> {
                for (int t = 1; t <= TOWNS; t++) {
                    assessments.assess(COUNTY + (100 + t), 2025);
                }
                return null;
            });
            double everyTown = median("the same in one pass: AssessmentService.assessEveryTown(county), FP2025",
                    () -> assessments.assessEveryTown(COUNTY, 2025));
            double towns = median("the county's assessment of its " + TOWNS + " towns, FP2025", () -> assessments.assess(COUNTY, 2025));
            System.out.printf("county assessment in one pass / floor = %.2f%n", everyTown / floor);
            System.out.printf("targets: county < 2000 ms: %s; town dashboard < 200 ms: %s; population <= 2x floor: %s;"
                            + " county assessment (%d units) < 2000 ms: %s%n",
                    met(all < 2000, all), met(dash < 200, dash), met(pop <= 2 * floor, pop),
                    TOWNS * VILLAGES, met(everyTown < 2000, everyTown));
        }
    }

    /**
     * The figures are read as the node's administrator, as a reader of the county would (the demo loader's
     * principal only writes: it may not read the cadres' training hours, READ_AGGREGATES).
     */
    static void asAdministrator(ConfigurableApplicationContext app) {
        org.springframework.security.core.userdetails.UserDetails admin = app.getBean(
                org.springframework.security.core.userdetails.UserDetailsService.class).loadUserByUsername("admin");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        admin, null, admin.getAuthorities()));
    }

    /** The demo town's six targets (DemoAssessment) for FP2025, with every village-level unit and every town. */
    static void agreements(AgreementService agreements) {
        List<Target> targets = List.of(
                target("POLICY_BIRTH_RATE", Target.Comparison.GE, "99", null, 25, Target.Rule.ALL_OR_NOTHING),
                target("CONTRACEPTION_RATE", Target.Comparison.GE, "100", "95", 20, Target.Rule.PRO_RATA),
                target("CHECK_RATE", Target.Comparison.GE, "98", "90", 20, Target.Rule.PRO_RATA),
                target("REGISTER_ACCURACY", Target.Comparison.GE, "98", null, 15, Target.Rule.ALL_OR_NOTHING),
                target("EXCHANGE_FEEDBACK_TIMELINESS", Target.Comparison.GE, "90", "80", 10, Target.Rule.PRO_RATA),
                target("SUPPLY_ACQUISITION_RATE", Target.Comparison.GE, "99", null, 10, Target.Rule.ALL_OR_NOTHING));
        AgreementService.Draft draft = new AgreementService.Draft(LocalDate.of(2024, 12, 28), "镇计生办", "村专干", targets);
        for (int t = 1; t <= TOWNS; t++) {
            String town = COUNTY + (100 + t);
            agreements.save(2025, town, draft);
            for (int v = 1; v <= VILLAGES; v++) {
                agreements.save(2025, town + String.format("%03d", v), draft);
            }
        }
    }

    static String met(boolean met, double measured) {
        return Double.isNaN(measured) ? "not measured" : met ? "met" : "NOT met";
    }

    static Target target(String code, Target.Comparison c, String target, String floor, int weight, Target.Rule rule) {
        return new Target(code, c, new BigDecimal(target), floor == null ? null : new BigDecimal(floor), weight, rule);
    }

    static void explain(JdbcClient jdbc, String sql) {
        System.out.println(sql);
        jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(System.out::println);
    }

    static double median(String name, Supplier<?> work) {
        work.get();
        work.get();
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-95s median %7.1f ms (min %.1f, max %.1f)%n", name, ms[3], ms[0], ms[6]);
        return ms[3];
    }

    static List<String> areas(AreaService areas) {
        areas.create(new Area(COUNTY, "基准县", Area.Level.COUNTY, null, null, null));
        List<String> villages = new ArrayList<>();
        for (int t = 1; t <= TOWNS; t++) {
            String town = COUNTY + (100 + t);
            areas.create(new Area(town, "基准镇" + t, Area.Level.TOWN, COUNTY, null, null));
            for (int v = 1; v <= VILLAGES; v++) {
                String village = town + String.format("%03d", v);
                areas.create(new Area(village, "村" + v, Area.Level.VILLAGE, town, Area.Kind.VILLAGE, null));
                villages.add(village);
            }
        }
        return villages;
    }

    /** Persons by village with plausible ages, marriage, residence status and history; births and contraception. */
    static void load(BulkLoader people, HealthBulkLoader health, List<String> villages) {
        Random rnd = new Random(7);
        int batch = 100_000;
        for (int start = 0; start < TOTAL; start += batch) {
            List<BulkLoader.NewPerson> persons = new ArrayList<>();
            List<int[]> mothers = new ArrayList<>();
            for (int i = start; i < Math.min(TOTAL, start + batch); i++) {
                int age = rnd.nextInt(90);
                LocalDate birth = END.minusYears(age).minusDays(rnd.nextInt(365));
                String sex = rnd.nextBoolean() ? "1" : "2";
                String village = villages.get(rnd.nextInt(villages.size()));
                int r = rnd.nextInt(100);
                PersonStatus status = r < 83 ? PersonStatus.REGISTERED : r < 98 ? PersonStatus.INFLOW : PersonStatus.OUTFLOW;
                LocalDate arrived = status == PersonStatus.INFLOW ? max(birth, END.minusDays(rnd.nextInt(8 * 365))) : null;
                LocalDate left = status == PersonStatus.OUTFLOW ? max(birth.plusDays(1), END.minusDays(rnd.nextInt(3 * 365))) : null;
                String marital = age >= 22 && rnd.nextInt(100) < 85 ? "20" : "10";
                persons.add(new BulkLoader.NewPerson(null, "基准" + i, sex, birth, "01", marital, null, null, null,
                        status == PersonStatus.INFLOW ? "430121" : village.substring(0, 9), village, null, status, arrived,
                        left, null, null, null, null, null));
                if ("2".equals(sex) && "20".equals(marital) && age >= 15 && age < 50) {
                    mothers.add(new int[]{i - start, villages.indexOf(village)});
                }
            }
            long first = people.load(List.of(), persons, "benchmark").firstPerson();
            List<HealthBulkLoader.NewContraception> measures = new ArrayList<>();
            List<HealthBulkLoader.NewBirth> births = new ArrayList<>();
            HealthCodes.Method[] methods = HealthCodes.Method.values();
            for (int[] m : mothers) {
                long id = first + m[0];
                String village = villages.get(m[1]);
                measures.add(new HealthBulkLoader.NewContraception(id, methods[rnd.nextInt(methods.length)], null,
                        END.minusYears(2).minusDays(rnd.nextInt(900)), null, "bench"));
                if (rnd.nextInt(100) < 6) {
                    births.add(new HealthBulkLoader.NewBirth(id, null, rnd.nextInt(100) < 53 ? "1" : "2",
                            END.minusDays(rnd.nextInt(700)), village, null, "bench"));
                }
            }
            health.load(measures, births, List.of(), List.of(), "benchmark");
        }
    }

    /** A spring campaign over the whole county with 97% checked. */
    static void campaign(CampaignService campaigns, HealthBulkLoader health) {
        long id = campaigns.create(new CampaignForm("基准县春季三查", List.of(HealthCodes.CheckKind.RING),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), List.of(COUNTY))).id();
        Random rnd = new Random(11);
        List<HealthBulkLoader.CheckOutcome> outcomes = new ArrayList<>();
        for (RosterLine r : campaigns.roster(id, null, false)) {
            if (rnd.nextInt(100) < 97) {
                outcomes.add(new HealthBulkLoader.CheckOutcome(r.personId(), LocalDate.of(2025, 3, 1 + rnd.nextInt(10)),
                        HealthCodes.CheckResult.NORMAL, null, null, null));
            }
        }
        health.loadOutcomes(id, outcomes, "benchmark");
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
