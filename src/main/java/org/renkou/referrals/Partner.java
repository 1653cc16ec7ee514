package org.renkou.referrals;

import java.util.List;

/**
 * A partner office of a town that serves floating people (the police station, a school, the clinic, civil
 * affairs, the labour office) and the accounts that answer for it; with none, the town office answers for it.
 */
public record Partner(long id, String name, Kind kind, String townCode, List<String> accounts) {
    public enum Kind { POLICE, SCHOOL, CLINIC, CIVIL_AFFAIRS, LABOUR }

    public boolean answeredByTownOffice() {
        return accounts.isEmpty();
    }
}
