package org.renkou.stats;

import java.util.List;
import org.renkou.common.AreaScope;

/** The one way indicator sources restrict their counts to an area and everything below it. */
public final class AreaFilter {
    private AreaFilter() {
    }

    /** A SQL condition on the village and grid columns; parameters are appended to {@code params}. */
    public static String sql(String area, String villageColumn, String gridColumn, List<Object> params) {
        return AreaScope.of(List.of(area)).sql(villageColumn, gridColumn, params);
    }
}
