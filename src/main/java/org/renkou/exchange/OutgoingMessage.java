package org.renkou.exchange;

import java.time.Instant;
import java.util.UUID;

/** A message in the outbox with its delivery state: QUEUED, ACKNOWLEDGED, UNDELIVERABLE (no peer) or FAILED. */
public record OutgoingMessage(UUID id, String recipient, String kind, UUID correlationId, String payload, String state,
                              int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                              Instant acknowledgedAt) {
}
