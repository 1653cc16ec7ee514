package org.renkou.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Estimated weights, versioned, and which of them (or the default) scores pairs. */
@Repository
class WeightsRepository {
    /** A stored estimate. */
    record Version(long id, String areaCode, double matchShare, long pairs, String estimatedBy, Weights weights) {
    }

    private final JdbcClient jdbc;

    WeightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long save(String areaCode, WeightEstimation.Estimate estimate, String username) {
        long id = jdbc.sql("""
                insert into linkage_weights (area_code, match_share, pairs, estimated_by) values (?, ?, ?, ?) returning id""")
                .params(areaCode, estimate.matchShare(), estimate.pairs(), username).query(Long.class).single();
        List<Weights.Level> levels = estimate.weights().levels();
        for (int i = 0; i < levels.size(); i++) {
            Weights.Level l = levels.get(i);
            jdbc.sql("insert into linkage_weights_level (weights_id, position, comparison, level, m, u) values (?, ?, ?, ?, ?, ?)")
                    .params(id, i, l.comparison().name(), l.level(), l.m(), l.u()).update();
        }
        return id;
    }

    Optional<Version> find(long id) {
        return jdbc.sql("select * from linkage_weights where id = ?").param(id).query((rs, i) -> new Version(
                rs.getLong("id"), rs.getString("area_code"), rs.getDouble("match_share"), rs.getLong("pairs"),
                rs.getString("estimated_by"), null)).optional().map(v -> new Version(v.id(), v.areaCode(), v.matchShare(),
                v.pairs(), v.estimatedBy(), levels(v.id())));
    }

    private Weights levels(long id) {
        List<Weights.Level> levels = new ArrayList<>(jdbc.sql(
                        "select comparison, level, m, u from linkage_weights_level where weights_id = ? order by position")
                .param(id).query((rs, i) -> new Weights.Level(Comparison.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getDouble(3), rs.getDouble(4), "EM")).list());
        return new Weights(levels);
    }

    /** The version in use, empty for the default. */
    Optional<Long> inUse() {
        return jdbc.sql("select weights_id from linkage_weights_use order by id desc limit 1")
                .query((rs, i) -> (Long) rs.getObject(1)).optional().flatMap(Optional::ofNullable);
    }

    void use(Long weightsId, String username) {
        jdbc.sql("insert into linkage_weights_use (weights_id, chosen_by) values (?, ?)").params(weightsId, username).update();
    }
}
