package org.renkou.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.renkou.people.BulkLoader.NewPerson;
import org.renkou.people.PersonStatus;
import org.renkou.referrals.Partner;
import org.renkou.referrals.Referral.Kind;
import org.renkou.referrals.Referral.Outcome;
import org.renkou.referrals.ReferralBulkLoader;
import org.renkou.referrals.ReferralBulkLoader.NewReferral;
import org.springframework.stereotype.Component;

/**
 * The demo town's equal services of the report's period (2011-10-01 to the report): its five partner offices (the
 * police station and the clinic answer for themselves, the town office for the others) and the floating people
 * referred to them for the six services, nearly all answered, a few still open (overdue: the office's tasks). The
 * seed gives no counts for the six services; these are plausible for a town of 7,304 inflow people.
 */
@Component
class DemoReferrals {
    /** Referrals made in the period by service; the seed's report does not count them. */
    static final Map<Kind, Integer> MADE = Map.of(Kind.HUKOU, 42, Kind.SCHOOLING, 63, Kind.MEDICAL, 118, Kind.TRAINING, 86,
            Kind.HOUSING, 27, Kind.RELIEF, 19);
    /** The referrals still open, by service: to the police station, the clinic and the school (4 in all). */
    static final Map<Kind, Integer> OPEN = Map.of(Kind.HUKOU, 2, Kind.MEDICAL, 1, Kind.SCHOOLING, 1);
    private static final LocalDate FROM = DemoTown.BIRTHS_FROM;
    private static final LocalDate TO = DemoTown.REFERENCE_DATE.minusDays(5);
    private static final Map<Kind, String[]> NEEDS = Map.of(
            Kind.HUKOU, new String[]{"办理居住证", "随迁子女落户咨询", "补办居民身份证"},
            Kind.SCHOOLING, new String[]{"就近入读小学", "入读公办幼儿园", "办理转学手续"},
            Kind.MEDICAL, new String[]{"孕期检查", "儿童预防接种", "慢性病就诊", "生殖健康检查"},
            Kind.TRAINING, new String[]{"电工技能培训", "家政服务培训", "种养殖技术培训", "电脑操作培训"},
            Kind.HOUSING, new String[]{"公租房申请咨询", "租房合同纠纷调解"},
            Kind.RELIEF, new String[]{"因病致困临时救助", "子女就学困难救助"});

    private final ReferralBulkLoader loader;

    DemoReferrals(ReferralBulkLoader loader) {
        this.loader = loader;
    }

    void generate(List<NewPerson> persons, long firstPerson) {
        Random rnd = new Random(DemoTown.SEED + 18); // its own draws: the register's figures stay as they were
        String town = DemoTown.TOWN_CODE;
        long police = loader.addPartner("捞刀河派出所", Partner.Kind.POLICE, town, List.of("police"));
        long clinic = loader.addPartner("捞刀河镇卫生院", Partner.Kind.CLINIC, town, List.of("clinic"));
        long school = loader.addPartner("捞刀河镇中心学校", Partner.Kind.SCHOOL, town, List.of());
        long civil = loader.addPartner("捞刀河镇民政办", Partner.Kind.CIVIL_AFFAIRS, town, List.of());
        long labour = loader.addPartner("捞刀河镇劳动保障站", Partner.Kind.LABOUR, town, List.of());
        Map<Kind, Long> partner = Map.of(Kind.HUKOU, police, Kind.SCHOOLING, school, Kind.MEDICAL, clinic, Kind.TRAINING, labour,
                Kind.HOUSING, civil, Kind.RELIEF, civil);
        Map<Long, String> answerer = Map.of(police, "police", clinic, "clinic");
        List<Integer> children = new ArrayList<>();
        List<Integer> adults = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            if (p.status() != PersonStatus.INFLOW || p.arrivedOn() == null || p.arrivedOn().isAfter(FROM)) {
                continue;
            }
            int age = Period.between(p.birthDate(), FROM).getYears();
            if (age >= 3 && age <= 14) {
                children.add(i);
            } else if (age >= 18 && age <= 55) {
                adults.add(i);
            }
        }
        List<NewReferral> referrals = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int k = 0; k < MADE.get(kind); k++) {
                List<Integer> pool = kind == Kind.SCHOOLING ? children : adults;
                int i = pool.get(rnd.nextInt(pool.size()));
                NewPerson p = persons.get(i);
                LocalDate on = FROM.plusDays(rnd.nextInt((int) (TO.toEpochDay() - FROM.toEpochDay()) + 1));
                String[] needs = NEEDS.get(kind);
                long to = partner.get(kind);
                boolean open = k < OPEN.getOrDefault(kind, 0);
                if (open) {
                    on = TO.minusDays(20 + k);
                }
                Outcome outcome = open ? null : outcome(rnd.nextInt(100));
                LocalDate answered = open ? null : on.plusDays(2 + rnd.nextInt(12));
                referrals.add(new NewReferral(firstPerson + i, p.villageCode(), p.gridCode(),
                        kind == Kind.HOUSING || kind == Kind.RELIEF, kind, to, on, "officer", needs[rnd.nextInt(needs.length)],
                        outcome, answered, open ? null : answerer.getOrDefault(to, "officer"),
                        outcome == Outcome.GIVEN ? "已办结" : null));
            }
        }
        loader.load(referrals, DemoTown.SOURCE);
    }

    /** 90% of answered referrals give the service; the others are refused, not needed, or the person is gone. */
    private static Outcome outcome(int r) {
        return r < 90 ? Outcome.GIVEN : r < 94 ? Outcome.NOT_NEEDED : r < 98 ? Outcome.REFUSED : Outcome.UNREACHABLE;
    }
}
