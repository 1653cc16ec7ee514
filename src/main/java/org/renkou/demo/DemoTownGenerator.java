package org.renkou.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.IdNumber;
import org.renkou.people.BulkLoader;
import org.renkou.people.BulkLoader.NewHousehold;
import org.renkou.people.BulkLoader.NewPerson;
import org.renkou.people.PersonStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the demo town from a fixed seed: the same town every time. Households are made as families
 * (couples, children, grandparents) so the age pyramid and marital status look like a Hunan town of 2012;
 * the floating population is then made to the report's exact counts. Synthetic data, shown as such.
 */
@Component
class DemoTownGenerator {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate REF = DemoTown.REFERENCE_DATE;
    private static final String[] SURNAMES = ("刘李陈王张周黄彭罗唐曾谭邓胡易杨吴赵徐孙朱何郭马梁宋郑谢韩冯肖"
            + "程曹袁许沈吕苏卢蒋蔡丁魏叶余潘杜戴夏钟汪田任姜范方石姚廖邹熊金陆毛邱汤尹黎常贺龚文").split("");
    private static final String[] MALE = ("伟强军勇杰涛明超辉刚平华建国志文斌磊鹏飞浩宇俊峰亮海波林东成龙"
            + "新春光德云松清荣湘江").split("");
    private static final String[] FEMALE = ("芳娟敏静丽艳娜燕霞玲红梅英兰琴秀萍凤华洁莉慧婷雪倩颖月桂香珍玉"
            + "湘蓉芬").split("");
    /** Where inflow people's hukou lies: neighbouring counties first, then other provinces. */
    private static final String[] HUKOU_ELSEWHERE = {"430121", "430124", "430181", "430182", "430621", "430626",
            "430681", "430922", "430923", "431021", "431121", "431224", "430521", "430426", "360428", "360981",
            "421023", "422822", "450330", "520221", "511623", "440882"};
    private static final String[] OUTFLOW_PLACES = {"440300", "440100", "440306", "441900", "330100", "330200",
            "310115", "320500", "430102", "430104", "350200", "110105"};

    private final AreaService areas;
    private final BulkLoader loader;
    private final DemoHealth health;
    private final DemoSupport support;
    private final DemoRecords records;
    private final DemoReferrals referrals;
    private final Random rnd = new Random(DemoTown.SEED);
    private final Set<String> usedIds = new HashSet<>();
    private final List<NewHousehold> households = new ArrayList<>();
    private final List<NewPerson> persons = new ArrayList<>();
    /** For each person, the index of their mother in {@code persons}, when she is in the register. */
    private final List<Integer> mothers = new ArrayList<>();
    private final List<String[]> unitGrids = new ArrayList<>();

    DemoTownGenerator(AreaService areas, BulkLoader loader, DemoHealth health, DemoSupport support, DemoRecords records,
                      DemoReferrals referrals) {
        this.referrals = referrals;
        this.records = records;
        this.areas = areas;
        this.loader = loader;
        this.health = health;
        this.support = support;
    }

    @Transactional
    void generate() {
        createAreas();
        registeredFamilies();
        chooseOutflow();
        inflowFamilies();
        floatingHistory();
        fixBirths();
        adjustMarriedWra();
        childrenToday();
        BulkLoader.Loaded loaded = loader.load(households, persons, DemoTown.SOURCE);
        health.generate(persons, mothers, loaded.firstPerson(), rnd);
        support.generate(households, persons, mothers, loaded, rnd);
        records.generate(persons, loaded.firstPerson(), rnd);
        referrals.generate(persons, loaded.firstPerson());
    }

    /**
     * The floating population over the years (the report: 5,230 in 2008, 8,380 = inflow + outflow now): so many
     * of today's inflow families had arrived, and of today's outflow had left, by the end of 2008; the others
     * came or went since.
     */
    private void floatingHistory() {
        LocalDate end2008 = LocalDate.of(2008, 12, 31);
        int earlyOutflow = DemoTown.FLOATING_2008 * DemoTown.OUTFLOW / DemoTown.FLOATING_NOW;
        int earlyInflow = DemoTown.FLOATING_2008 - earlyOutflow;
        List<Integer> outflow = new ArrayList<>();
        java.util.Map<Integer, List<Integer>> inflowByHousehold = new java.util.LinkedHashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            if (p.status() == PersonStatus.OUTFLOW) {
                outflow.add(i);
            } else if (p.status() == PersonStatus.INFLOW) {
                inflowByHousehold.computeIfAbsent(p.householdKey(), k -> new ArrayList<>()).add(i);
            }
        }
        java.util.Collections.shuffle(outflow, rnd);
        // those grown up by 2008 first: only they can have left by then
        outflow.sort(java.util.Comparator.comparing(i -> persons.get(i).birthDate().plusYears(16).isAfter(end2008)));
        for (int k = 0; k < outflow.size(); k++) {
            NewPerson p = persons.get(outflow.get(k));
            LocalDate from = k < earlyOutflow ? LocalDate.of(2004, 1, 1) : end2008.plusDays(1);
            LocalDate to = k < earlyOutflow ? end2008 : REF.minusDays(30);
            from = later(from, p.birthDate().plusYears(16));
            persons.set(outflow.get(k), moved(p, null, between(from, to)));
        }
        List<List<Integer>> households = new ArrayList<>(inflowByHousehold.values());
        java.util.Collections.shuffle(households, rnd);
        int early = 0;
        for (List<Integer> members : households) {
            LocalDate arrivedEarly = LocalDate.of(2003, 1, 1).plusDays(rnd.nextInt(6 * 365));
            LocalDate arrivedLate = between(end2008.plusDays(1), REF.minusDays(10));
            for (int i : members) {
                NewPerson p = persons.get(i);
                boolean canBeEarly = !p.birthDate().isAfter(end2008) && early < earlyInflow;
                LocalDate arrived = canBeEarly ? later(arrivedEarly, p.birthDate()) : later(arrivedLate, p.birthDate());
                early += canBeEarly ? 1 : 0;
                persons.set(i, moved(p, arrived, null));
            }
        }
        if (early != earlyInflow) {
            throw new IllegalStateException("too few inflow people born by 2008: " + early);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? from : from.plusDays(rnd.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private static NewPerson moved(NewPerson p, LocalDate arrived, LocalDate left) {
        return new NewPerson(p.idNumber(), p.name(), p.sex(), p.birthDate(), p.ethnicity(), p.maritalStatus(),
                p.education(), p.householdKey(), p.relation(), p.hukouCode(), p.villageCode(), p.gridCode(), p.status(),
                arrived != null ? arrived : p.arrivedOn(), left != null ? left : p.leftOn(), p.diedOn(), p.moveReason(),
                p.otherPlaceCode(), p.phone(), p.address());
    }

    /**
     * Today's small children (under 3, for the childcare subsidy): born since late 2023 to mothers of the
     * register who were young wives in 2012; they do not exist on the report's date.
     */
    private void childrenToday() {
        LocalDate today = org.renkou.common.Dates.today();
        List<Integer> wives = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            int age = age(p.birthDate());
            if ("2".equals(p.sex()) && "20".equals(p.maritalStatus()) && p.status() == PersonStatus.REGISTERED
                    && age >= 21 && age <= 26 && List.of("02", "10", "12", "38").contains(p.relation())) {
                wives.add(i);
            }
        }
        java.util.Collections.shuffle(wives, rnd);
        for (int mother : wives.subList(0, DemoTown.CHILDREN_TODAY)) {
            NewPerson m = persons.get(mother);
            LocalDate birth = between(today.minusYears(3).plusDays(20), today.minusDays(20));
            String sex = rnd.nextInt(100) < 52 ? "1" : "2";
            String relation = List.of("02", "10", "12").contains(m.relation()) ? ("1".equals(sex) ? "20" : "30") : "40";
            persons.add(new NewPerson(idNumber(DemoTown.TOWN_CODE.substring(0, 6), birth, sex), m.name().substring(0, 1)
                    + given(sex), sex, birth, m.ethnicity(), "10", null, m.householdKey(), relation, DemoTown.TOWN_CODE,
                    m.villageCode(), m.gridCode(), PersonStatus.REGISTERED, null, null, null, null, null, null, m.address()));
            mothers.add(mother);
        }
    }

    /** The report's births: exactly 134 boys and 122 girls born in the period, each to a mother of the register. */
    private void fixBirths() {
        List<Integer> boys = new ArrayList<>();
        List<Integer> girls = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            if (p.birthDate().isAfter(REF.minusYears(1))) {
                if (mothers.get(i) != null) {
                    ("1".equals(p.sex()) ? boys : girls).add(i);
                } else if (inBirthPeriod(p.birthDate())) {
                    moveBirth(i, false);
                }
            }
        }
        placeBirths(boys, DemoTown.BIRTHS_BOYS);
        placeBirths(girls, DemoTown.BIRTHS_GIRLS);
    }

    private void placeBirths(List<Integer> babies, int wanted) {
        if (babies.size() < wanted) {
            throw new IllegalStateException("the demo town has too few babies: " + babies.size() + " < " + wanted);
        }
        java.util.Collections.shuffle(babies, rnd);
        for (int k = 0; k < babies.size(); k++) {
            int i = babies.get(k);
            if ((k < wanted) != inBirthPeriod(persons.get(i).birthDate())) {
                moveBirth(i, k < wanted);
            }
        }
    }

    private static boolean inBirthPeriod(LocalDate d) {
        return !d.isBefore(DemoTown.BIRTHS_FROM) && !d.isAfter(REF);
    }

    /** Moves a baby's birth into the period or just before it (still under one), with a matching ID number. */
    private void moveBirth(int i, boolean intoPeriod) {
        NewPerson p = persons.get(i);
        LocalDate from = intoPeriod ? DemoTown.BIRTHS_FROM : REF.minusYears(1).plusDays(1);
        LocalDate to = intoPeriod ? REF : DemoTown.BIRTHS_FROM.minusDays(1);
        LocalDate birth = from.plusDays(rnd.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        LocalDate arrived = p.arrivedOn() == null ? null
                : p.arrivedOn().equals(p.birthDate()) || p.arrivedOn().isBefore(birth) ? birth : p.arrivedOn();
        usedIds.remove(p.idNumber());
        persons.set(i, new NewPerson(idNumber(p.idNumber().substring(0, 6), birth, p.sex()), p.name(), p.sex(), birth,
                p.ethnicity(), p.maritalStatus(), p.education(), p.householdKey(), p.relation(), p.hukouCode(),
                p.villageCode(), p.gridCode(), p.status(), arrived, p.leftOn(), p.diedOn(), p.moveReason(),
                p.otherPlaceCode(), p.phone(), p.address()));
    }

    /**
     * Married WRA on the campaign's first day to the report's roster (9,126): single women living alone and
     * grown daughters (never mothers here) marry or stay single until the count is exact.
     */
    private void adjustMarriedWra() {
        java.util.Set<Integer> isMother = new HashSet<>(mothers);
        List<Integer> single = new ArrayList<>();
        List<Integer> married = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            if (!DemoHealth.wraOn(p, DemoTown.CAMPAIGN_START) || !DemoHealth.residentOn(p, DemoTown.CAMPAIGN_START)) {
                continue;
            }
            boolean isMarried = DemoHealth.married(p);
            count += isMarried ? 1 : 0;
            int age = age(p.birthDate());
            if (!isMother.contains(i) && List.of("02", "30").contains(p.relation()) && age >= 21 && age <= 40) {
                (isMarried ? married : single).add(i);
            }
        }
        java.util.Collections.shuffle(single, rnd);
        java.util.Collections.shuffle(married, rnd);
        for (; count > DemoTown.CAMPAIGN_ROSTER; count--) {
            setMarital(married.remove(married.size() - 1), "10");
        }
        for (; count < DemoTown.CAMPAIGN_ROSTER; count++) {
            setMarital(single.remove(single.size() - 1), "20");
        }
    }

    private void setMarital(int i, String marital) {
        NewPerson p = persons.get(i);
        persons.set(i, new NewPerson(p.idNumber(), p.name(), p.sex(), p.birthDate(), p.ethnicity(), marital,
                p.education(), p.householdKey(), p.relation(), p.hukouCode(), p.villageCode(), p.gridCode(), p.status(),
                p.arrivedOn(), p.leftOn(), p.diedOn(), p.moveReason(), p.otherPlaceCode(), p.phone(), p.address()));
    }

    private void createAreas() {
        areas.create(new Area(DemoTown.COUNTY_CODE, "开福区", Area.Level.COUNTY, null, null, null));
        areas.create(new Area(DemoTown.TOWN_CODE, DemoTown.TOWN_NAME, Area.Level.TOWN, DemoTown.COUNTY_CODE, null,
                DemoTown.AREA_KM2));
        for (DemoTown.Unit u : DemoTown.UNITS) {
            String code = DemoTown.TOWN_CODE + u.suffix();
            areas.create(new Area(code, u.name(), Area.Level.VILLAGE, DemoTown.TOWN_CODE,
                    u.community() ? Area.Kind.COMMUNITY : Area.Kind.VILLAGE, null));
            int grids = u.community() ? 8 : 3 + rnd.nextInt(4);
            String[] codes = new String[grids];
            for (int g = 1; g <= grids; g++) {
                codes[g - 1] = code + String.format("%03d", g);
                areas.create(new Area(codes[g - 1], "第" + g + "网格", Area.Level.GRID, code, null, null));
            }
            unitGrids.add(codes);
        }
    }

    /** Families with hukou here until they hold exactly the town's registered (户籍) population. */
    private void registeredFamilies() {
        int n = 0;
        while (persons.size() < DemoTown.REGISTERED_HUKOU) {
            int unit = pickUnit(false);
            String grid = pick(unitGrids.get(unit));
            String village = grid.substring(0, 12);
            String address = DemoTown.UNITS.get(unit).name() + (1 + rnd.nextInt(12)) + "组" + (1 + rnd.nextInt(80)) + "号";
            NewHousehold h = new NewHousehold(households.size(), String.format("%s%05d", village.substring(6), ++n),
                    village, grid, address);
            households.add(h);
            List<Member> family = family();
            int base = persons.size();
            for (Member m : family) {
                if (persons.size() == DemoTown.REGISTERED_HUKOU) {
                    break;
                }
                add(person(m, h, village, grid, address, "430121", PersonStatus.REGISTERED, null, null), base, m);
            }
        }
    }

    /** Picks the outflow: young adults who went to work elsewhere (流出). */
    private void chooseOutflow() {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            int age = age(persons.get(i).birthDate());
            if (age >= 18 && age <= 45 && !"02".equals(persons.get(i).relation())) {
                candidates.add(i);
            }
        }
        java.util.Collections.shuffle(candidates, rnd);
        for (int i : candidates.subList(0, DemoTown.OUTFLOW)) {
            NewPerson p = persons.get(i);
            LocalDate left = REF.minusDays(30 + rnd.nextInt(3 * 365));
            persons.set(i, new NewPerson(p.idNumber(), p.name(), p.sex(), p.birthDate(), p.ethnicity(),
                    p.maritalStatus(), p.education(), p.householdKey(), p.relation(), p.hukouCode(), p.villageCode(),
                    p.gridCode(), PersonStatus.OUTFLOW, null, left, null, "务工经商", pick(OUTFLOW_PLACES),
                    p.phone(), p.address()));
        }
    }

    /** Inflow families (流入) to the report's exact counts: men, women 15–49, other women and girls. */
    private void inflowFamilies() {
        int[] left = {DemoTown.INFLOW_MALE, DemoTown.INFLOW_WRA, DemoTown.INFLOW_FEMALE - DemoTown.INFLOW_WRA};
        int n = 0;
        while (left[0] + left[1] + left[2] > 0) {
            int unitIndex = pickUnit(true);
            DemoTown.Unit unit = DemoTown.UNITS.get(unitIndex);
            String grid = pick(unitGrids.get(unitIndex));
            String village = grid.substring(0, 12);
            String address = unit.name() + "出租屋" + (1 + rnd.nextInt(300)) + "号";
            NewHousehold h = new NewHousehold(households.size(), String.format("L%s%05d", village.substring(6), ++n),
                    village, grid, address);
            List<Member> family = inflowFamily(left);
            if (family.isEmpty()) {
                continue;
            }
            households.add(h);
            String hukou = pick(HUKOU_ELSEWHERE);
            String reason = DemoTown.OTHER.equals(unit.inflowReason())
                    ? pick(new String[]{DemoTown.RENT_BUSINESS, DemoTown.RENT_LAND, DemoTown.WORK, DemoTown.OTHER})
                    : unit.inflowReason();
            LocalDate arrived = REF.minusDays(10 + (long) (rnd.nextDouble() * rnd.nextDouble() * 6 * 365));
            int base = persons.size();
            for (Member m : family) {
                add(person(m, h, village, grid, address, hukou, PersonStatus.INFLOW, arrived, reason), base, m);
            }
        }
    }

    private void add(NewPerson p, int familyStart, Member m) {
        persons.add(p);
        mothers.add(m.mother() == null ? null : familyStart + m.mother());
    }

    /** One household's members, each taken only while its count in {@code left} lasts. */
    private List<Member> inflowFamily(int[] left) {
        List<Member> family = new ArrayList<>();
        double r = rnd.nextDouble();
        if (r < 0.45 && left[0] > 0 && left[1] > 0) {
            int husband = 22 + rnd.nextInt(29);
            int wife = Math.max(20, Math.min(49, husband - 2 + rnd.nextInt(4)));
            family.add(take(left, 0, new Member("1", husband, "02", "20")));
            family.add(take(left, 1, new Member("2", wife, "10", "20")));
            int kids = wife < 24 ? 0 : rnd.nextInt(3);
            for (int k = 0; k < kids; k++) {
                int kidAge = Math.max(0, Math.min(14, wife - 22 - rnd.nextInt(10)));
                boolean boy = rnd.nextInt(100) < 54;
                if (boy && left[0] > 0) {
                    family.add(take(left, 0, new Member("1", kidAge, "20", "10", 1)));
                } else if (!boy && left[2] > 0) {
                    family.add(take(left, 2, new Member("2", kidAge, "30", "10", 1)));
                }
            }
        } else if (r < 0.75 && left[0] > 0) {
            family.add(take(left, 0, new Member("1", 18 + rnd.nextInt(40), "02", rnd.nextBoolean() ? "10" : "20")));
        } else if (r < 0.90 && left[1] > 0) {
            family.add(take(left, 1, new Member("2", 18 + rnd.nextInt(32), "02", rnd.nextBoolean() ? "10" : "20")));
        } else if (left[2] > 0) {
            if (left[0] > 0 && rnd.nextBoolean()) {
                int man = 50 + rnd.nextInt(16);
                family.add(take(left, 0, new Member("1", man, "02", "20")));
                family.add(take(left, 2, new Member("2", Math.max(50, man - 2), "10", "20")));
            } else if (rnd.nextBoolean()) {
                family.add(take(left, 2, new Member("2", 50 + rnd.nextInt(20), "02", "30")));
            } else {
                family.add(take(left, 2, new Member("2", rnd.nextInt(15), "02", "10")));
            }
        }
        return family;
    }

    private static Member take(int[] left, int category, Member m) {
        left[category]--;
        return m;
    }

    /** A family with hukou here: single, couple, couple with children, or three generations. */
    private List<Member> family() {
        List<Member> f = new ArrayList<>();
        double type = rnd.nextDouble();
        if (type < 0.10) {
            int age = 20 + rnd.nextInt(65);
            String marital = age > 62 ? "30" : age < 30 ? "10" : rnd.nextInt(3) == 0 ? "40" : "10";
            f.add(new Member(rnd.nextBoolean() ? "1" : "2", age, "02", marital));
            return f;
        }
        boolean threeGenerations = type > 0.72;
        int headAge = threeGenerations ? 52 + rnd.nextInt(24) : 24 + rnd.nextInt(50);
        couple(f, headAge, "02", "10");
        if (type < 0.25 && headAge > 45) {
            return f; // a couple whose children have their own household
        }
        int motherAge = f.get(1).age;
        if (threeGenerations) {
            int sonAge = Math.max(22, motherAge - 22 - rnd.nextInt(8));
            f.add(new Member("1", sonAge, "20", "20"));
            f.add(new Member("2", Math.max(20, sonAge - rnd.nextInt(4)), "38", "20"));
            children(f, 3, Math.max(20, sonAge - rnd.nextInt(4)), "40", "40");
        } else {
            children(f, "2".equals(f.get(0).sex()) ? 0 : 1, motherAge, "20", "30");
        }
        return f;
    }

    private void couple(List<Member> f, int headAge, String headRelation, String spouseRelation) {
        boolean maleHead = rnd.nextInt(100) < 85;
        int spouseAge = Math.max(20, headAge + (maleHead ? -rnd.nextInt(5) : rnd.nextInt(5)));
        f.add(new Member(maleHead ? "1" : "2", headAge, headRelation, "20"));
        f.add(new Member(maleHead ? "2" : "1", spouseAge, spouseRelation, "20"));
    }

    /** Children of a mother of this age: one, two (common in rural Hunan's exceptions) or none yet. */
    private void children(List<Member> f, int mother, int motherAge, String sonRelation, String daughterRelation) {
        int count = motherAge < 23 ? 0 : rnd.nextDouble() < 0.5 ? 1 : rnd.nextDouble() < 0.85 ? 2 : 0;
        int age = motherAge - 21 - rnd.nextInt(8);
        for (int i = 0; i < count && age >= 0; i++) {
            boolean boy = rnd.nextInt(100) < 53;
            String marital = age < 22 ? "10" : age < 28 && rnd.nextBoolean() ? "10" : "20";
            if (age >= 22 && "20".equals(marital) && rnd.nextBoolean()) {
                marital = "10";
            }
            f.add(new Member(boy ? "1" : "2", age, boy ? sonRelation : daughterRelation, marital, mother));
            age -= 2 + rnd.nextInt(5);
        }
    }

    private NewPerson person(Member m, NewHousehold h, String village, String grid, String address, String hukou,
                             PersonStatus status, LocalDate arrived, String reason) {
        LocalDate birth = birthDate(m.age);
        LocalDate since = arrived != null && birth.isAfter(arrived) ? birth : arrived; // born here after arrival
        String name = pick(SURNAMES) + given(m.sex);
        String ethnicity = rnd.nextInt(100) < 98 ? "01" : pick(new String[]{"15", "06", "12", "13"});
        String phone = m.age >= 18 ? "1" + pick(new String[]{"3", "5", "8"}) + String.format("%09d", rnd.nextInt(1_000_000_000)) : null;
        return new NewPerson(idNumber(hukou, birth, m.sex), name, m.sex, birth, ethnicity, m.age < 18 ? "10" : m.marital,
                education(m.age), h.key(), m.relation, status == PersonStatus.INFLOW ? hukou : DemoTown.TOWN_CODE,
                village, grid, status, since, null, null, reason, null, phone, address);
    }

    private LocalDate birthDate(int age) {
        while (true) {
            LocalDate d = REF.minusYears(age).minusDays(rnd.nextInt(365));
            if (Period.between(d, REF).getYears() == age) {
                return d;
            }
        }
    }

    private int age(LocalDate birth) {
        return Period.between(birth, REF).getYears();
    }

    private String idNumber(String area, LocalDate birth, String sex) {
        while (true) {
            int seq = rnd.nextInt(500) * 2 + ("1".equals(sex) ? 1 : 0);
            if (seq == 0) {
                continue;
            }
            String first17 = area + birth.format(YMD) + String.format("%03d", seq);
            String id = first17 + IdNumber.checkChar(first17);
            if (usedIds.add(id)) {
                return id;
            }
        }
    }

    private String given(String sex) {
        String[] chars = "1".equals(sex) ? MALE : FEMALE;
        return rnd.nextInt(3) == 0 ? pick(chars) : pick(chars) + pick(chars);
    }

    private String education(int age) {
        if (age < 7) {
            return null;
        }
        if (age < 13) {
            return "80";
        }
        if (age < 16) {
            return "70";
        }
        if (age < 19) {
            return "60";
        }
        int r = rnd.nextInt(100) + (age > 55 ? -30 : 0);
        return r < 10 ? "90" : r < 35 ? "81" : r < 70 ? "71" : r < 85 ? "61" : r < 92 ? "31" : "21";
    }

    /** Registered people spread evenly; inflow people by the report's distribution weights. */
    private int pickUnit(boolean inflow) {
        int total = 0;
        for (DemoTown.Unit u : DemoTown.UNITS) {
            total += inflow ? u.inflowWeight() : (u.community() ? 2 : 1) * 10;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < DemoTown.UNITS.size(); i++) {
            DemoTown.Unit u = DemoTown.UNITS.get(i);
            r -= inflow ? u.inflowWeight() : (u.community() ? 2 : 1) * 10;
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /** A family member before their name, birth date and ID number are drawn. */
    private record Member(String sex, int age, String relation, String marital, Integer mother) {
        Member(String sex, int age, String relation, String marital) {
            this(sex, age, relation, marital, null);
        }
    }
}
