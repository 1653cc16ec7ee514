package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaScopeTest {
    private final AreaScope village = AreaScope.of(List.of("430105100201"));
    private final AreaScope grid = AreaScope.of(List.of("430105100201001"));

    @Test
    void aVillageScopeCoversItsGridsOnly() {
        assertThat(village.covers("430105100201", "430105100201003")).isTrue();
        assertThat(village.covers("430105100202", "430105100202001")).isFalse();
        assertThat(village.contains("430105100201003")).isTrue();
        assertThat(village.contains("430105100")).isFalse();
        assertThat(village.coversArea("430105100")).isTrue();
    }

    @Test
    void aGridScopeCoversThatGridOnly() {
        assertThat(grid.covers("430105100201", "430105100201001")).isTrue();
        assertThat(grid.covers("430105100201", "430105100201002")).isFalse();
        assertThat(grid.covers("430105100201", null)).isFalse();
    }

    @Test
    void buildsSqlWithParameters() {
        List<Object> params = new ArrayList<>();
        String sql = AreaScope.of(List.of("430105100201", "430105100202001")).sql("v", "g", params);
        assertThat(sql).isEqualTo("(v like ? or g = ?)");
        assertThat(params).containsExactly("430105100201%", "430105100202001");
        assertThat(AreaScope.EVERYTHING.sql("v", "g", new ArrayList<>())).isEqualTo("(true)");
        assertThat(AreaScope.of(List.of()).sql("v", "g", new ArrayList<>())).isEqualTo("(false)");
    }
}
