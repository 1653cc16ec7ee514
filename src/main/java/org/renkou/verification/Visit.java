package org.renkou.verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One household visit as a phone sends it (API.md). {@code clientId} is the phone's UUID for the visit: a resend
 * is answered ALREADY_APPLIED and changes nothing.
 */
public record Visit(String clientId, String householdNo, LocalDate visitedOn, String outcome, List<PersonResult> persons) {
    /**
     * A person's result. CORRECTED: {@code corrections} {field: value} as in the person form. NOT_LIVING_HERE:
     * {@code movedTo} OUT (the default: outflow, or an inflow person who left; {@code leftOn}, {@code destination}
     * place code if known, {@code moveReason}) or WITHIN_TOWN (the new household, village, grid, address as
     * corrections). DECEASED: {@code diedOn}. NEW: {@code person} as POST /api/v1/persons, {@code notDuplicateOf}
     * the candidates the visitor said are somebody else. {@code version} is the version the worklist gave: a
     * person changed since is refused with the current record.
     */
    public record PersonResult(Long personId, String result, Integer version, Map<String, Object> corrections,
                               String movedTo, LocalDate leftOn, String destination, String moveReason, LocalDate diedOn,
                               Map<String, Object> person, List<Long> notDuplicateOf) {
    }

    /** What became of a visit: APPLIED, ALREADY_APPLIED or REJECTED (errors; current record; duplicate candidates). */
    public record Answer(String clientId, String state, List<org.renkou.common.FieldProblem> errors, Object current,
                         Object candidates, List<Long> newPersonIds) {
        static Answer applied(String clientId, List<Long> newPersonIds) {
            return new Answer(clientId, "APPLIED", List.of(), null, null, newPersonIds);
        }

        static Answer alreadyApplied(String clientId) {
            return new Answer(clientId, "ALREADY_APPLIED", List.of(), null, null, null);
        }

        static Answer rejected(String clientId, List<org.renkou.common.FieldProblem> errors, Object current, Object candidates) {
            return new Answer(clientId, "REJECTED", errors, current, candidates, null);
        }
    }
}
