package org.renkou.access;

/**
 * What a user may do, named by the work and not by who does it. Services and templates ask for these; which
 * role holds which is decided once, in {@link Role}.
 */
public enum Permission {
    /** Read person records at all (search, detail, history); who is seen is still limited by area. */
    READ_PERSONS,
    /** Read the registered residents too, not only the floating population (the police reads the latter only). */
    READ_RESIDENTS,
    /** See whole ID numbers; without it they are masked everywhere. */
    SEE_WHOLE_ID_NUMBERS,
    /** Add and change persons, households and areas; import files; record moves. */
    WRITE_REGISTER,
    /** Read reproductive-health records (contraception, checks, pregnancies, births). */
    READ_HEALTH,
    /** Record health services (check results, births, contraception). */
    WRITE_HEALTH,
    /** Answer and close the public requests assigned to oneself. */
    HANDLE_PUBLIC_REQUESTS,
    /** Read the family-support programmes: eligible lists, applications, families in difficulty, visits. */
    READ_SUPPORT,
    /** Apply for support, record visits. */
    MANAGE_SUPPORT,
    /** Review probable duplicate persons and merge them (消重): the town office and village cadres. */
    REVIEW_DUPLICATES,
    /** Read the floating population (inflow, outflow) and its overview. */
    READ_FLOATING,
    /** Issue contraceptive supplies and keep the stock. */
    MANAGE_SUPPLIES,
    /** Record outreach activities and trainings. */
    MANAGE_OUTREACH,
    /**
     * The town office's work: the exchange with other towns, campaigns, approvals, payment batches, the portal's
     * pages, assigning public requests, every import job of the area.
     */
    TOWN_OFFICE,
    /** Users, audit log, code tables, peers, corrections of closed records. */
    ADMINISTER,
    /** Read every town's submitted reports (报送) and return one for correction (退回): the district. */
    REVIEW_SUBMISSIONS,
    /** Counts, indicators and reports (no personal records). */
    READ_AGGREGATES,
    /** Apply messages that peer nodes sent (the exchange's own principal). */
    APPLY_EXCHANGE_MESSAGES,
    /** Answer the equal-service referrals addressed to a partner office one answers for (police, clinic). */
    ANSWER_REFERRALS,
    /** Read the cadre team of one's areas (who serves where, vacant posts, training hours). */
    READ_CADRE_TEAM;

    /** The Spring Security authority templates ask for: {@code hasAuthority('PERM_WRITE_REGISTER')}. */
    public String authority() {
        return "PERM_" + name();
    }
}
