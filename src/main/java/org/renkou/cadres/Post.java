package org.renkou.cadres;

import java.time.LocalDate;

/**
 * A post of the cadre team in an area (the town, a village-level unit or a grid) and who holds it since when;
 * without a holder it is vacant. The phone is masked for readers who do not need it.
 */
public record Post(long id, Kind kind, String areaCode, String areaName, String title, Long cadreId, String name,
                   String phone, String username, LocalDate since, int trainingHours) {

    /** 镇计生办工作人员, 村居专干, 妇女组长, 流动人口协管员, 志愿者. */
    public enum Kind { TOWN_STAFF, VILLAGE_CADRE, WOMENS_GROUP_LEADER, FLOATING_ASSISTANT, VOLUNTEER }

    public boolean vacant() {
        return cadreId == null;
    }
}
