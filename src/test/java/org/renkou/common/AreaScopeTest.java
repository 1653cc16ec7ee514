package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
    void gridsMatchTheGridColumnExactly() {
        AreaCondition in = AreaScope.of(List.of("430105100201001", "430105100202003")).on("p.village_code", "p.grid_code");
        assertThat(in.sql()).isEqualTo("(p.grid_code = :area_p_village_code_0 or p.grid_code = :area_p_village_code_1)");
        assertThat(in.params()).containsExactly(entry("area_p_village_code_0", "430105100201001"),
                entry("area_p_village_code_1", "430105100202003"));
    }

    @Test
    void villagesTownsAndCountiesMatchTheVillageColumnByPrefix() {
        AreaCondition villages = AreaScope.of(List.of("430105100201", "430105100202")).on("v", "g");
        assertThat(villages.sql()).isEqualTo("(v like :area_v_0 or v like :area_v_1)");
        assertThat(villages.params()).containsExactly(entry("area_v_0", "430105100201%"), entry("area_v_1", "430105100202%"));
        AreaCondition town = AreaScope.of("430105100").on("v", "g");
        assertThat(town.sql()).isEqualTo("(v like :area_v_0)");
        assertThat(town.params()).containsExactly(entry("area_v_0", "430105100%"));
        AreaCondition county = AreaScope.of("430105").on("v", "null");
        assertThat(county.sql()).isEqualTo("(v like :area_v_0)");
        assertThat(county.params()).containsExactly(entry("area_v_0", "430105%"));
    }

    @Test
    void aVillageAndAGridTogether() {
        AreaCondition in = AreaScope.of(List.of("430105100201", "430105100202001")).on("v", "g");
        assertThat(in.sql()).isEqualTo("(v like :area_v_0 or g = :area_v_1)");
        assertThat(in.params()).containsExactly(entry("area_v_0", "430105100201%"), entry("area_v_1", "430105100202001"));
    }

    @Test
    void everythingIsTrueAndNothingIsFalseWithoutParameters() {
        assertThat(AreaScope.EVERYTHING.on("v", "g").sql()).isEqualTo("(true)");
        assertThat(AreaScope.EVERYTHING.on("v", "g").params()).isEmpty();
        assertThat(AreaScope.of(List.of()).on("v", "g").sql()).isEqualTo("(false)");
        assertThat(AreaScope.of(List.of()).on("v", "g").params()).isEmpty();
    }

    @Test
    void withinNarrowsToAChosenAreaWithItsOwnParameters() {
        AreaCondition in = village.on("r.village_code", "r.grid_code").within(" 430105100201002 ");
        assertThat(in.sql()).isEqualTo("((r.village_code like :area_r_village_code_0)"
                + " and (r.grid_code = :area_r_village_code_1))");
        assertThat(in.params()).containsExactly(entry("area_r_village_code_0", "430105100201%"),
                entry("area_r_village_code_1", "430105100201002"));
        assertThat(AreaScope.EVERYTHING.on("v", "g").within("430105100").sql()).isEqualTo("((true) and (v like :area_v_0))");
        AreaCondition unchosen = village.on("v", "g");
        assertThat(unchosen.within(null)).isSameAs(unchosen);
        assertThat(unchosen.within(" ")).isSameAs(unchosen);
    }
}
