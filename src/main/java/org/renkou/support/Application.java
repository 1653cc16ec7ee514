package org.renkou.support;

import java.time.LocalDate;

/**
 * An application for an allowance: apply → review → approve (or reject). {@code name} is the beneficiary's; the
 * applicant (for a child, the parent or guardian who applied) is the payee.
 */
public record Application(long id, long programmeId, long beneficiaryId, Long applicantId, String name,
                          String maskedIdNumber, String villageCode, String state, String reasons, LocalDate appliedOn,
                          String reviewedBy, String approvedBy, String note, String applicantName,
                          String applicantMaskedIdNumber) {
}
