package org.renkou.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "The row lies in these areas" as SQL with named parameters, for a JdbcClient statement:
 * {@code jdbc.sql("... where " + in.sql()).params(in.params())}. A village-level (or higher) code matches
 * the village column by prefix, a grid code the grid column exactly. Parameter names derive from the village
 * column, so conditions on different columns join one statement; on the same columns, narrow one condition
 * with {@link #within} instead of writing a second.
 */
public final class AreaCondition {
    private final String villageColumn;
    private final String gridColumn;
    private final String sql;
    private final Map<String, Object> params;

    private AreaCondition(String villageColumn, String gridColumn, String sql, Map<String, Object> params) {
        this.villageColumn = villageColumn;
        this.gridColumn = gridColumn;
        this.sql = sql;
        this.params = Collections.unmodifiableMap(params);
    }

    static AreaCondition of(AreaScope scope, String villageColumn, String gridColumn) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new AreaCondition(villageColumn, gridColumn, render(scope, villageColumn, gridColumn, params), params);
    }

    /** This condition and, if an area is chosen (not blank), that area and everything below it. */
    public AreaCondition within(String area) {
        if (area == null || area.isBlank()) {
            return this;
        }
        Map<String, Object> both = new LinkedHashMap<>(params);
        String chosen = render(AreaScope.of(area.trim()), villageColumn, gridColumn, both);
        return new AreaCondition(villageColumn, gridColumn, "(" + sql + " and " + chosen + ")", both);
    }

    /** The condition, in parentheses so it joins any text. */
    public String sql() {
        return sql;
    }

    /** The values of the condition's named parameters, for {@code StatementSpec.params(Map)}. */
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }

    private static String render(AreaScope scope, String villageColumn, String gridColumn, Map<String, Object> params) {
        if (scope.all()) {
            return "(true)";
        }
        if (scope.codes().isEmpty()) {
            return "(false)";
        }
        String prefix = "area_" + villageColumn.replaceAll("[^A-Za-z0-9]", "_") + "_";
        List<String> parts = new ArrayList<>();
        for (String code : scope.codes()) {
            String name = prefix + params.size();
            if (code.length() >= 15) {
                parts.add(gridColumn + " = :" + name);
                params.put(name, code);
            } else {
                parts.add(villageColumn + " like :" + name);
                params.put(name, code + "%");
            }
        }
        return "(" + String.join(" or ", parts) + ")";
    }
}
