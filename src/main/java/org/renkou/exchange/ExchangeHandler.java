package org.renkou.exchange;

/**
 * What a feature does with messages of one kind (e.g. the floating-population feature with verification
 * requests). Called inside the transaction that records the message as received: if it throws, the message
 * is not acknowledged and the sender sends it again.
 */
public interface ExchangeHandler {
    String kind();

    void handle(IncomingMessage message);
}
