package org.renkou.exchange;

/** Another town's Renkou node: its code (the town code), where it listens, and its public key. */
public record Peer(String code, String name, String baseUrl, String publicKey) {
}
