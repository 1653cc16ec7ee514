package org.renkou.exchange;

import java.util.UUID;

/** A verified message from a peer, handed to the handler of its kind exactly once. */
public record IncomingMessage(UUID id, String sender, String kind, UUID correlationId, String payload) {
}
