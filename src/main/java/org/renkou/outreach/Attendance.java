package org.renkou.outreach;

import java.time.LocalDate;

/**
 * One attendee's hours at a training session. The attendee is a key of the feature that keeps them
 * ({@code cadre:12}); {@code name} is how they are shown.
 */
public record Attendance(long trainingId, String title, LocalDate startsOn, String attendee, String name, int hours) {
}
