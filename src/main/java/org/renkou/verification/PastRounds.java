package org.renkou.verification;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round done before this register kept its visits one by one (the demo town's February round): planned as any
 * round, then every household's visit and every person's result written in a few set-wise statements, each
 * household and person drawn by a fixed hash of its id so the same register gives the same figures.
 */
@Service
public class PastRounds {
    /**
     * Shares in 1/10,000: households nobody was found at or that refused; of the persons of visited households,
     * those found new (not yet in the register then, added by the round), corrected, not living here, deceased.
     */
    public record Shares(int nobodyHome, int refused, int found, int corrected, int notLivingHere, int deceased) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final VerificationRounds rounds;

    PastRounds(JdbcClient jdbc, AccessService access, AuditService audit, VerificationRounds rounds) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.rounds = rounds;
    }

    @Transactional
    public Round load(String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn, Shares s) {
        Round r = rounds.plan(name, areaCodes, startsOn, endsOn);
        String user = access.require(Permission.TOWN_OFFICE).username();
        int days = (int) (endsOn.toEpochDay() - startsOn.toEpochDay()) + 1;
        jdbc.sql("""
                insert into verification_visit (client_id, round_id, household_id, visited_on, outcome, username)
                select gen_random_uuid(), round_id, household_id, ?::date + (household_id * 7919 % ?)::int,
                    case when household_id * 2654435761 % 10000 < ? then 'NOBODY_HOME'
                         when household_id * 2654435761 % 10000 < ? then 'REFUSED' else 'VISITED' end, ?
                from verification_household where round_id = ?""")
                .params(startsOn, days, s.nobodyHome(), s.nobodyHome() + s.refused(), user, r.id()).update();
        // fresh rows without statistics would get a nested-loop plan over the whole town
        jdbc.sql("analyze verification_visit").update();
        jdbc.sql("analyze verification_household").update();
        jdbc.sql("""
                update verification_household h set outcome = v.outcome, visited_on = v.visited_on
                from verification_visit v where v.round_id = h.round_id and v.household_id = h.household_id and h.round_id = ?""")
                .param(r.id()).update();
        int a = s.found();
        int b = a + s.corrected();
        int c = b + s.notLivingHere();
        int d = c + s.deceased();
        jdbc.sql("""
                insert into verification_result (round_id, person_id, visit_id, village_code, grid_code, result)
                with m as materialized (select household_id, person_id from household_members_on(?))
                select h.round_id, m.person_id, v.id, h.village_code, h.grid_code,
                    case when m.person_id * 40503 % 10000 < ? then 'NEW' when m.person_id * 40503 % 10000 < ? then 'CORRECTED'
                         when m.person_id * 40503 % 10000 < ? then 'NOT_LIVING_HERE'
                         when m.person_id * 40503 % 10000 < ? then 'DECEASED' else 'CORRECT' end
                from verification_household h
                join verification_visit v on v.round_id = h.round_id and v.household_id = h.household_id and v.outcome = 'VISITED'
                join m on m.household_id = h.household_id
                where h.round_id = ?""")
                .params(endsOn, a, b, c, d, r.id()).update();
        audit.recordWorded(AuditAction.IMPORT, "verification_round", String.valueOf(r.id()), "audit.detail.pastRound", name);
        return r;
    }
}
