package org.renkou.migration;

import java.util.List;

/**
 * The floating population of an area on a date: inflow by village-level unit and reason, outflow by
 * destination, and the key subjects (重点对象) to watch.
 */
public record FloatingOverview(List<VillageRow> villages, List<Count> inflowByReason, List<Count> outflowByDestination,
                               List<KeySubject> keySubjects, long inflow, long outflow) {

    public record VillageRow(String villageCode, long inflow, long male, long female, long outflow) {
    }

    public record Count(String key, long count) {
    }

    public record KeySubject(long personId, String name, String maskedIdNumber, String villageCode, String hukouCode,
                             java.time.LocalDate arrivedOn) {
    }
}
