package org.renkou.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A verification request (协查) sent to a hukou place (OUT) or received from an inflow place (IN), with its
 * deadline and, once answered, the feedback (反馈) as JSON.
 */
public record VerificationRequest(UUID id, String direction, String peerCode, Long personId, String idNumber,
                                  String name, LocalDate birthDate, String sex, boolean keySubject, LocalDate deadline,
                                  String state, String feedback, Instant createdAt, Instant answeredAt) {
}
