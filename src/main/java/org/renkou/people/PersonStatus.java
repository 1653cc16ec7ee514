package org.renkou.people;

import org.springframework.modulith.NamedInterface;

/** Residence status (人口类别), the basis of every population figure. */
@NamedInterface("register")
public enum PersonStatus {
    /** 户籍: hukou here, living here. */
    REGISTERED,
    /** 流出: hukou here, living elsewhere. */
    OUTFLOW,
    /** 流入: hukou elsewhere, living here. */
    INFLOW,
    /** 死亡. */
    DECEASED,
    /** 迁出: hukou moved away; no longer counted here. */
    MOVED_AWAY
}
