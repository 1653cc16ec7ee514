package org.renkou.stats;

import java.util.List;
import java.util.Map;
import org.renkou.common.IdNumber;
import org.renkou.common.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of the persons behind a numerator, with the true count of them all. */
public final class PersonRefs {
    /** The most persons one page of a drill-down shows. */
    public static final int MAX_SIZE = 500;

    private PersonRefs() {
    }

    /**
     * Pages {@code sql}, a query with the columns person_id, name, id_number and village_code, in order of village,
     * name and id; ID numbers come back masked. The query's parameters are named.
     */
    public static PageResult<PersonRef> page(JdbcClient jdbc, String sql, Map<String, ?> params, int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), MAX_SIZE);
        long total = jdbc.sql("select count(*) from (" + sql + ") x").params(params).query(Long.class).single();
        List<PersonRef> items = jdbc.sql("select person_id, name, id_number, village_code from (" + sql + ") x"
                        + " order by village_code, name, person_id limit :pageSize offset :pageOffset")
                .params(params).param("pageSize", s).param("pageOffset", (long) p * s)
                .query((rs, n) -> new PersonRef(rs.getLong(1), rs.getString(2), IdNumber.mask(rs.getString(3)), rs.getString(4)))
                .list();
        return new PageResult<>(items, total, p, s);
    }
}
