package org.renkou.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the exchange endpoint, which is open to the network: a batch holds at most {@code maxBatch}
 * messages (the dispatcher sends up to 500), a body at most {@code maxBody} bytes, and a client address whose
 * messages were refused {@code refusalsPerAddressPerMinute} times in a minute is turned away until the minute is over.
 * The dispatcher looks for due messages every {@code dispatchMs} milliseconds.
 */
@ConfigurationProperties("renkou.exchange")
record ExchangeProperties(@DefaultValue("500") int maxBatch, @DefaultValue("16MB") DataSize maxBody,
                          @DefaultValue("100") int refusalsPerAddressPerMinute,
                          @DefaultValue("500") long dispatchMs) {
}
