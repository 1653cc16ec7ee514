package org.renkou.health;

/** The fixed vocabularies of reproductive-health work; pages show them by name (messages health.*). */
public final class HealthCodes {
    private HealthCodes() {
    }

    /** 避孕节育方法, as 国人口统2表 counts them. */
    public enum Method { MALE_STERILISATION, FEMALE_STERILISATION, IUD, IMPLANT, INJECTION, PILL, CONDOM, OTHER }

    /** Why a married woman has no measure in force; a recorded reason counts as implemented. */
    public enum NoMethodReason { PREGNANT, POSTPARTUM, INFERTILE, MENOPAUSE, SPOUSE_AWAY, OTHER }

    /** 三查: ring, pregnancy, disease. */
    public enum CheckKind { RING, PREGNANCY, DISEASE }

    public enum CheckResult { NORMAL, IUD_IN_PLACE, IUD_MISSING, PREGNANT, REFERRED }

    /** How a campaign absentee's follow-up (随访落实) was closed. */
    public enum FollowupOutcome { CHECKED_ELSEWHERE, AWAY, REFUSED, OTHER }

    public enum PregnancyOutcome { LIVE_BIRTH, STILLBIRTH, MISCARRIAGE, ABORTION }

    /** 计划生育手术 as 国人口统2表 counts them: 上环, 取环, 结扎 (either spouse), 人流, 引产, 皮埋. */
    public enum ProcedureKind { IUD_INSERTION, IUD_REMOVAL, STERILISATION, ABORTION, INDUCED_LABOUR, IMPLANT_INSERTION }
}
