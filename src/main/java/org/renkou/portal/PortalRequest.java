package org.renkou.portal;

import java.time.Instant;
import java.time.LocalDate;

/** A consultation, complaint or suggestion from the public, and what staff did with it. */
public record PortalRequest(long id, String trackingNo, String kind, String villageCode, String subject, String body,
                            String contactName, String contactPhone, String state, String assignedTo, String answer,
                            String answeredBy, Instant answeredAt, LocalDate dueOn, Instant createdAt) {

    public boolean overdue(LocalDate today) {
        return answeredAt == null && dueOn.isBefore(today);
    }
}
