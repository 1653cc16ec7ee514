package org.renkou.exchange;

import java.nio.charset.StandardCharsets;

/**
 * A message as it travels between nodes: JSON over HTTP POST. The signature (Ed25519, base64) covers every
 * other field; the payload is a JSON document carried as a string, so both sides sign the same bytes.
 */
public record Envelope(String id, String sender, String recipient, String kind, String correlationId,
                       String sentAt, String payload, String signature) {

    byte[] signedBytes() {
        return String.join("\n", id, sender, recipient, kind, correlationId == null ? "" : correlationId, sentAt,
                payload).getBytes(StandardCharsets.UTF_8);
    }

    Envelope signedWith(String signature) {
        return new Envelope(id, sender, recipient, kind, correlationId, sentAt, payload, signature);
    }
}
