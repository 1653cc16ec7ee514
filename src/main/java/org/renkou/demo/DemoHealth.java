package org.renkou.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.renkou.health.CampaignForm;
import org.renkou.health.CampaignService;
import org.renkou.health.HealthBulkLoader;
import org.renkou.health.HealthBulkLoader.CheckOutcome;
import org.renkou.health.HealthBulkLoader.NewBirth;
import org.renkou.health.HealthBulkLoader.NewContraception;
import org.renkou.health.HealthBulkLoader.NewPermit;
import org.renkou.health.HealthBulkLoader.NewPregnancy;
import org.renkou.health.HealthBulkLoader.NewProcedure;
import org.renkou.health.HealthCodes.ProcedureKind;
import org.renkou.health.HealthCodes.CheckKind;
import org.renkou.health.HealthCodes.CheckResult;
import org.renkou.health.HealthCodes.FollowupOutcome;
import org.renkou.health.HealthCodes.Method;
import org.renkou.health.HealthCodes.NoMethodReason;
import org.renkou.health.RosterLine;
import org.renkou.people.BulkLoader.NewPerson;
import org.renkou.people.PersonStatus;
import org.springframework.stereotype.Component;

/**
 * The demo town's reproductive-health records: a measure (or a reason for none) for every married woman of
 * reproductive age with the method mix of a rural Hunan town in 2012, the births of the register's children
 * (255 of the period's 256 within policy), some pregnancies in progress, and the February campaign with its
 * roster of 9,126, 8,943 checked and the absentees' follow-ups.
 */
@Component
class DemoHealth {
    private static final LocalDate REF = DemoTown.REFERENCE_DATE;
    private static final String[] PROVIDERS = {"捞刀河镇卫生院", "捞刀河镇计生服务站", "村卫生室"};

    private final HealthBulkLoader loader;
    private final CampaignService campaigns;

    DemoHealth(HealthBulkLoader loader, CampaignService campaigns) {
        this.loader = loader;
        this.campaigns = campaigns;
    }

    static boolean married(NewPerson p) {
        return List.of("20", "21", "22", "23").contains(p.maritalStatus());
    }

    /** A woman of reproductive age (15–49) on the date. */
    static boolean wraOn(NewPerson p, LocalDate d) {
        return "2".equals(p.sex()) && p.birthDate().isAfter(d.minusYears(50)) && !p.birthDate().isAfter(d.minusYears(15));
    }

    /** Living here on the date: registered and not yet gone, or arrived by then. */
    static boolean residentOn(NewPerson p, LocalDate d) {
        return switch (p.status()) {
            case REGISTERED -> true;
            case OUTFLOW -> p.leftOn().isAfter(d);
            case INFLOW -> !p.arrivedOn().isAfter(d);
            default -> false;
        };
    }

    void generate(List<NewPerson> persons, List<Integer> mothers, long firstId, Random rnd) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            if (mothers.get(i) != null) {
                children.computeIfAbsent(mothers.get(i), k -> new ArrayList<>()).add(i);
            }
        }
        children.values().forEach(c -> c.sort((a, b) -> persons.get(a).birthDate().compareTo(persons.get(b).birthDate())));
        List<NewBirth> births = new ArrayList<>();
        List<NewPermit> permits = new ArrayList<>();
        int unpermitted = pickUnpermittedSecondBirth(persons, children, rnd);
        children.forEach((mother, kids) -> {
            NewPerson m = persons.get(mother);
            for (int k : kids) {
                NewPerson c = persons.get(k);
                births.add(new NewBirth(firstId + mother, firstId + k, c.sex(), c.birthDate(), m.villageCode(),
                        m.gridCode(), "长沙市开福区"));
            }
            if (kids.size() >= 2 && mother != unpermitted) {
                LocalDate second = persons.get(kids.get(1)).birthDate();
                permits.add(new NewPermit(firstId + mother, second.minusDays(300 + rnd.nextInt(400)), "第一个孩子为女孩（农村）"));
            }
        });
        Map<Integer, Method> methods = new HashMap<>();
        Set<Integer> pregnant = new HashSet<>();
        List<NewContraception> contraception = new ArrayList<>();
        List<NewPregnancy> pregnancies = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson w = persons.get(i);
            if (married(w) && "2".equals(w.sex()) && w.birthDate().isAfter(REF.minusYears(51))
                    && !w.birthDate().isAfter(REF.minusYears(14))) {
                List<Integer> bornBy2012 = children.getOrDefault(i, List.of()).stream()
                        .filter(k -> !persons.get(k).birthDate().isAfter(REF)).toList();
                measures(i, w, bornBy2012, persons, firstId, rnd, contraception,
                        pregnancies, methods, pregnant);
            }
        }
        loader.load(contraception, births, permits, pregnancies, DemoTown.SOURCE);
        loader.loadProcedures(procedures(persons, firstId, contraception), DemoTown.SOURCE);
        campaign(firstId, methods, pregnant, rnd);
    }

    /**
     * The procedures of the period behind the contraception records: each IUD, implant or sterilisation begun in
     * it was an operation that day, and each IUD record ended in it a removal.
     */
    private static List<NewProcedure> procedures(List<NewPerson> persons, long firstId, List<NewContraception> contraception) {
        List<NewProcedure> out = new ArrayList<>();
        for (NewContraception c : contraception) {
            ProcedureKind kind = c.method() == null ? null : switch (c.method()) {
                case IUD -> ProcedureKind.IUD_INSERTION;
                case IMPLANT -> ProcedureKind.IMPLANT_INSERTION;
                case FEMALE_STERILISATION, MALE_STERILISATION -> ProcedureKind.STERILISATION;
                default -> null;
            };
            NewPerson w = persons.get((int) (c.personId() - firstId));
            if (kind != null && inPeriod(c.startedOn())) {
                out.add(new NewProcedure(c.personId(), kind, c.startedOn(), c.provider(), w.villageCode(), w.gridCode()));
            }
            if (c.method() == Method.IUD && c.endedOn() != null && inPeriod(c.endedOn())) {
                out.add(new NewProcedure(c.personId(), ProcedureKind.IUD_REMOVAL, c.endedOn(), c.provider(), w.villageCode(),
                        w.gridCode()));
            }
        }
        return out;
    }

    private static boolean inPeriod(LocalDate d) {
        return !d.isBefore(DemoTown.BIRTHS_FROM) && !d.isAfter(REF);
    }

    /** The one birth of the period outside policy: a second child whose parents had no permit (再生育审批). */
    private static int pickUnpermittedSecondBirth(List<NewPerson> persons, Map<Integer, List<Integer>> children, Random rnd) {
        List<Integer> candidates = new ArrayList<>();
        children.forEach((mother, kids) -> {
            if (kids.size() == 2 && !persons.get(kids.get(1)).birthDate().isBefore(DemoTown.BIRTHS_FROM)
                    && !persons.get(kids.get(1)).birthDate().isAfter(REF)
                    && persons.get(kids.get(0)).birthDate().isBefore(persons.get(kids.get(1)).birthDate())) {
                candidates.add(mother);
            }
        });
        Collections.sort(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no second birth in the demo period");
        }
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    /** A married woman's contraception history as of the reference date, by her children and age. */
    private static void measures(int i, NewPerson w, List<Integer> kids, List<NewPerson> persons, long firstId, Random rnd,
                                 List<NewContraception> out, List<NewPregnancy> pregnancies, Map<Integer, Method> methods,
                                 Set<Integer> pregnant) {
        long id = firstId + i;
        String provider = PROVIDERS[rnd.nextInt(PROVIDERS.length)];
        LocalDate lastBirth = kids.isEmpty() ? null : persons.get(kids.get(kids.size() - 1)).birthDate();
        LocalDate adult = w.birthDate().plusYears(20);
        if (lastBirth != null && !lastBirth.isBefore(DemoTown.BIRTHS_FROM)) {
            out.add(new NewContraception(id, null, NoMethodReason.PREGNANT, lastBirth.minusDays(200 + rnd.nextInt(40)), lastBirth, null));
            if (lastBirth.isBefore(REF.minusDays(90))) {
                out.add(new NewContraception(id, null, NoMethodReason.POSTPARTUM, lastBirth, lastBirth.plusDays(75), null));
                out.add(new NewContraception(id, Method.IUD, null, lastBirth.plusDays(75), null, provider));
                methods.put(i, Method.IUD);
            } else {
                out.add(new NewContraception(id, null, NoMethodReason.POSTPARTUM, lastBirth, null, null));
            }
            return;
        }
        int age = w.birthDate().until(REF).getYears();
        boolean mayConceive = kids.size() <= 1 && age >= 21 && age <= 35
                && (lastBirth == null || lastBirth.isBefore(REF.minusYears(3)));
        if (mayConceive && rnd.nextInt(100) < 4) {
            LocalDate detected = REF.minusDays(20 + rnd.nextInt(180));
            pregnancies.add(new NewPregnancy(id, detected, detected.plusDays(250)));
            out.add(new NewContraception(id, Method.CONDOM, null, start(adult, lastBirth, rnd), detected, provider));
            out.add(new NewContraception(id, null, NoMethodReason.PREGNANT, detected, null, null));
            pregnant.add(i);
            return;
        }
        int r = rnd.nextInt(100);
        LocalDate start = start(adult, lastBirth, rnd);
        if (kids.size() >= 2) {
            add(out, methods, i, id, r < 62 ? Method.FEMALE_STERILISATION : r < 67 ? Method.MALE_STERILISATION
                    : r < 93 ? Method.IUD : Method.IMPLANT, start, provider);
        } else if (kids.size() == 1) {
            add(out, methods, i, id, r < 76 ? Method.IUD : r < 81 ? Method.IMPLANT : r < 84 ? Method.INJECTION
                    : r < 88 ? Method.PILL : r < 97 ? Method.CONDOM : Method.OTHER, start, provider);
        } else if (age >= 40 && r < 60) {
            out.add(new NewContraception(id, null, age >= 46 ? NoMethodReason.MENOPAUSE : NoMethodReason.INFERTILE, start, null, null));
        } else if (r < 5) {
            out.add(new NewContraception(id, null, NoMethodReason.SPOUSE_AWAY, start, null, null));
        } else {
            add(out, methods, i, id, r < 55 ? Method.CONDOM : r < 85 ? Method.PILL : Method.INJECTION, start, provider);
        }
    }

    private static void add(List<NewContraception> out, Map<Integer, Method> methods, int i, long id, Method m,
                            LocalDate start, String provider) {
        out.add(new NewContraception(id, m, null, start, null, provider));
        methods.put(i, m);
    }

    /** When the measure in force began: some months after the last birth, or after marriage. */
    private static LocalDate start(LocalDate adult, LocalDate lastBirth, Random rnd) {
        LocalDate from = lastBirth != null ? lastBirth.plusDays(60) : adult.isAfter(REF.minusYears(6)) ? adult : REF.minusYears(6);
        LocalDate latest = REF.minusDays(60);
        if (!from.isBefore(latest)) {
            return latest;
        }
        return from.plusDays(rnd.nextInt((int) Math.min(400, latest.toEpochDay() - from.toEpochDay())));
    }

    /** The February campaign through the real service (its roster is the register's), then its results. */
    private void campaign(long firstId, Map<Integer, Method> methods, Set<Integer> pregnant, Random rnd) {
        long id = campaigns.create(new CampaignForm("2012年春季三查（服务育龄群众百日行）",
                List.of(CheckKind.RING, CheckKind.PREGNANCY, CheckKind.DISEASE), DemoTown.CAMPAIGN_START,
                DemoTown.CAMPAIGN_END, List.of(DemoTown.TOWN_CODE))).id();
        List<RosterLine> roster = new ArrayList<>(campaigns.roster(id, null, false));
        Collections.shuffle(roster, rnd);
        List<CheckOutcome> outcomes = new ArrayList<>();
        int days = (int) (DemoTown.CAMPAIGN_END.toEpochDay() - DemoTown.CAMPAIGN_START.toEpochDay()) + 1;
        for (int k = 0; k < roster.size(); k++) {
            long personId = roster.get(k).personId();
            int index = (int) (personId - firstId);
            if (k < DemoTown.CAMPAIGN_CHECKED) {
                Method m = methods.get(index);
                int r = rnd.nextInt(1000);
                CheckResult result = pregnant.contains(index) ? CheckResult.PREGNANT
                        : r < 8 ? CheckResult.REFERRED
                        : m == Method.IUD ? (r < 990 ? CheckResult.IUD_IN_PLACE : CheckResult.IUD_MISSING) : CheckResult.NORMAL;
                outcomes.add(new CheckOutcome(personId, DemoTown.CAMPAIGN_START.plusDays(rnd.nextInt(days)), result,
                        null, null, null));
            } else {
                int r = rnd.nextInt(100);
                FollowupOutcome f = r < 45 ? FollowupOutcome.CHECKED_ELSEWHERE : r < 80 ? FollowupOutcome.AWAY
                        : r < 85 ? FollowupOutcome.REFUSED : r < 92 ? FollowupOutcome.OTHER : null;
                outcomes.add(new CheckOutcome(personId, null, null, f,
                        f == null ? null : DemoTown.CAMPAIGN_END.plusDays(3 + rnd.nextInt(20)),
                        f == FollowupOutcome.AWAY ? "在外务工，已电话联系" : f == FollowupOutcome.CHECKED_ELSEWHERE
                                ? "在现居住地已查，凭证明核实" : null));
            }
        }
        loader.loadOutcomes(id, outcomes, DemoTown.SOURCE);
    }
}
