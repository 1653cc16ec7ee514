package org.renkou.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.renkou.common.Dates;
import org.renkou.migration.VerificationHistory;
import org.renkou.people.BulkLoader.NewPerson;
import org.renkou.people.PersonStatus;
import org.renkou.verification.PastRounds;
import org.springframework.stereotype.Component;

/**
 * The demo town's records of the report's quality figures: the verification requests sent to hukou places for
 * the period's arrivals and their feedback (timeliness ≥ 90%), and the February verification round of the
 * register (coverage ≥ 99%, accuracy ≥ 98%).
 */
@Component
class DemoRecords {
    /**
     * The February round's shares (1/10,000): of the persons of visited households 0.7% found new, 1.1% corrected,
     * 0.2% not living here, 0.05% deceased: coverage ≈ 99.3%, accuracy ≈ 98.6% (seed: ≥ 99%, ≥ 98%).
     */
    private static final PastRounds.Shares FEBRUARY = new PastRounds.Shares(40, 5, 70, 110, 20, 5);

    private final VerificationHistory history;
    private final PastRounds rounds;

    DemoRecords(VerificationHistory history, PastRounds rounds) {
        this.history = history;
        this.rounds = rounds;
    }

    void generate(List<NewPerson> persons, long firstPerson, Random rnd) {
        List<VerificationHistory.PastRequest> requests = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            if (p.status() != PersonStatus.INFLOW || p.arrivedOn() == null || p.arrivedOn().isBefore(DemoTown.BIRTHS_FROM)
                    || p.arrivedOn().isAfter(DemoTown.REFERENCE_DATE.minusDays(20)) || p.birthDate().isAfter(p.arrivedOn().minusYears(16))) {
                continue;
            }
            boolean key = rnd.nextInt(100) < 10;
            OffsetDateTime sent = p.arrivedOn().plusDays(1).atTime(10, 0).atZone(Dates.ZONE).toOffsetDateTime();
            LocalDate deadline = sent.toLocalDate().plusDays(key ? 15 : 30);
            int r = rnd.nextInt(100);
            OffsetDateTime answered = r < 94 ? sent.plusDays(2 + rnd.nextInt((int) (deadline.toEpochDay() - sent.toLocalDate().toEpochDay()) - 2))
                    : r < 98 ? sent.plusDays(deadline.toEpochDay() - sent.toLocalDate().toEpochDay() + 3 + rnd.nextInt(8)) : null;
            requests.add(new VerificationHistory.PastRequest(firstPerson + i, p.hukouCode(), p.idNumber(), p.name(), p.birthDate(),
                    p.sex(), key, sent, deadline, answered,
                    answered == null ? null : "{\"found\":true,\"maritalStatus\":\"" + p.maritalStatus() + "\"}"));
        }
        history.load(requests, DemoTown.SOURCE);
        rounds.load("2012年春节全员人口清查核对（流动人口返乡高峰期逐户采录与核查）", List.of(DemoTown.TOWN_CODE),
                LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 28), FEBRUARY);
    }
}
