package org.renkou.migration;

/** The hukou place's answer: found here or not, marital status (GB/T 2261.2), children, contraception in force. */
public record Feedback(boolean found, String maritalStatus, Integer children, String contraception, String note) {
}
