package org.renkou.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notice (通报) of a move, sent to or received from another town's node. */
public record Notice(UUID id, String direction, String peerCode, String event, Long personId, String idNumber,
                     String name, LocalDate movedOn, String placeCode, Instant createdAt) {
}
