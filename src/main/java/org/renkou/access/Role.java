package org.renkou.access;

/** What a user is in the town's work, which decides what they may read and change. */
public enum Role {
    /** 系统管理员: users, code tables, everything. */
    ADMIN,
    /** 镇计生办: the whole town. */
    TOWN_OFFICER,
    /** 村居专干: their village-level units only. */
    VILLAGE_CADRE,
    /** 网格员: their grids only. */
    GRID_WORKER,
    /** 派出所民警: floating people of their area, read-only. */
    POLICE,
    /** 卫生院: health records. */
    CLINIC,
    /** 区卫健局: aggregates only, no personal records. */
    SUPERVISOR;

    public boolean readsPersons() {
        return this != SUPERVISOR;
    }

    public boolean writesRegister() {
        return this == ADMIN || this == TOWN_OFFICER || this == VILLAGE_CADRE || this == GRID_WORKER;
    }

    /** Whether a person's full ID number may be shown on their detail page. */
    public boolean seesWholeIdNumbers() {
        return this != CLINIC && this != SUPERVISOR;
    }

    /** The police liaison reads floating people (inflow, outflow) only. */
    public boolean floatingOnly() {
        return this == POLICE;
    }

    /** Reproductive-health records (contraception, checks, pregnancies, births) are read by these roles only. */
    public boolean readsHealth() {
        return this == ADMIN || this == TOWN_OFFICER || this == VILLAGE_CADRE || this == GRID_WORKER || this == CLINIC;
    }

    /** The clinic records check results and births; cadres and the town office record the rest. */
    public boolean writesHealth() {
        return this == ADMIN || this == TOWN_OFFICER || this == VILLAGE_CADRE || this == CLINIC;
    }

    /** Town-wide roles see every area of this node whatever their area list says. */
    public boolean townWide() {
        return this == ADMIN || this == TOWN_OFFICER || this == SUPERVISOR;
    }
}
