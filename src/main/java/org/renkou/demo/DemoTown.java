package org.renkou.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The seed town (捞刀河镇, 2012 report) and the figures its demo register must give on the reference date. */
public final class DemoTown {
    public static final String COUNTY_CODE = "430105";
    public static final String TOWN_CODE = "430105100";
    public static final String TOWN_NAME = "捞刀河镇";
    /** Where the demo town's records come from, as the audit log names it (in Chinese, as the log reads). */
    public static final String SOURCE = "演示数据（" + TOWN_NAME + "）";
    public static final BigDecimal AREA_KM2 = new BigDecimal("94");
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2012, 3, 15);
    public static final long SEED = 20120315L;

    public static final int RESIDENT = 47_150;
    public static final int INFLOW = 7_304;
    public static final int INFLOW_MALE = 4_499;
    public static final int INFLOW_FEMALE = 2_805;
    public static final int INFLOW_WRA = 1_643;
    public static final int OUTFLOW = 1_076;
    public static final int REGISTERED_HUKOU = RESIDENT - INFLOW + OUTFLOW; // 40,922
    public static final int LIVING_REGISTERED = RESIDENT - INFLOW;          // 39,846: hukou here, living here

    /** Floating population (inflow + outflow) at the end of 2008, and now (the report: 5,230 → 8,380). */
    public static final int FLOATING_2008 = 5_230;
    public static final int FLOATING_NOW = INFLOW + OUTFLOW;

    /** The statistical year up to the report: births from 2011-10-01 to the reference date. */
    public static final LocalDate BIRTHS_FROM = LocalDate.of(2011, 10, 1);
    public static final int BIRTHS_BOYS = 134;
    public static final int BIRTHS_GIRLS = 122;
    /** Visits to families (the report: the town 124 households ¥28,800; associations 2,240 households ¥549,700). */
    public static final int TOWN_VISITS = 124;
    public static final int ASSOCIATION_VISITS = 2_240;
    public static final int SUPPLY_POINTS = 15;

    /** Children under 3 today (not in the 2012 figures), and the childcare-subsidy batch paid for them. */
    public static final int CHILDREN_TODAY = 48;

    /** The February check campaign (三查) and its roster of married WRA on its first day. */
    public static final LocalDate CAMPAIGN_START = LocalDate.of(2012, 2, 15);
    public static final LocalDate CAMPAIGN_END = LocalDate.of(2012, 2, 24);
    public static final int CAMPAIGN_ROSTER = 9_126;
    public static final int CAMPAIGN_CHECKED = 8_943;

    /** A village-level unit: code suffix, name, community or not, and what brings inflow people there. */
    record Unit(String suffix, String name, boolean community, String inflowReason, int inflowWeight) {
    }

    static final String RENT_BUSINESS = "租房居住办企业";
    static final String RENT_LAND = "租地种养殖";
    static final String WORK = "来企业务工";
    static final String OTHER = "其他";

    /** The 27 units: the report names 捞刀河村, 凤羽村, 大明, 板塘, 高源, 捞居, 彭居; the others are plausible. */
    static final List<Unit> UNITS = List.of(
            new Unit("001", "捞居社区", true, RENT_BUSINESS, 14),
            new Unit("002", "彭居社区", true, RENT_BUSINESS, 13),
            new Unit("003", "沙坪社区", true, WORK, 3),
            new Unit("201", "捞刀河村", false, RENT_LAND, 9),
            new Unit("202", "凤羽村", false, RENT_LAND, 10),
            new Unit("203", "大明村", false, WORK, 14),
            new Unit("204", "板塘村", false, WORK, 12),
            new Unit("205", "高源村", false, RENT_BUSINESS, 11),
            new Unit("206", "苏托村", false, RENT_LAND, 2),
            new Unit("207", "锦绣村", false, OTHER, 1),
            new Unit("208", "新桥村", false, OTHER, 1),
            new Unit("209", "双河村", false, OTHER, 1),
            new Unit("210", "桥头村", false, OTHER, 1),
            new Unit("211", "长坡村", false, OTHER, 1),
            new Unit("212", "黄金村", false, OTHER, 1),
            new Unit("213", "合丰村", false, OTHER, 1),
            new Unit("214", "白沙村", false, OTHER, 1),
            new Unit("215", "金塘村", false, OTHER, 1),
            new Unit("216", "荷花村", false, OTHER, 1),
            new Unit("217", "杨梓村", false, OTHER, 1),
            new Unit("218", "马鞍村", false, OTHER, 1),
            new Unit("219", "龙塘村", false, OTHER, 1),
            new Unit("220", "新塘村", false, OTHER, 1),
            new Unit("221", "石塘村", false, OTHER, 1),
            new Unit("222", "青竹村", false, OTHER, 1),
            new Unit("223", "莲花村", false, OTHER, 1),
            new Unit("224", "樟树村", false, OTHER, 1));

    private DemoTown() {
    }
}
