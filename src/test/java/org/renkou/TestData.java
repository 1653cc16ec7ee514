package org.renkou;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.renkou.common.IdNumber;

/** Builders for test data: each test class gets its own town under the demo county, away from the demo town. */
public final class TestData {
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    private TestData() {
    }

    /**
     * Creates town {@code 430105<townSuffix>} with villages {@code ...001} (grids {@code ...001001},
     * {@code ...001002}) and {@code ...002}, unless it is there already.
     */
    public static String town(Api admin, String townSuffix) {
        String town = "430105" + townSuffix;
        if (admin.get("/api/v1/areas/" + town).status() == 200) {
            return town;
        }
        assertThat(admin.post("/api/v1/areas", area(town, "测试镇" + townSuffix, "TOWN", "430105", null)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/areas", area(town + "001", "测试村", "VILLAGE", town, "VILLAGE")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/areas", area(town + "002", "测试社区", "VILLAGE", town, "COMMUNITY")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/areas", area(town + "001001", "第1网格", "GRID", town + "001", null)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/areas", area(town + "001002", "第2网格", "GRID", town + "001", null)).status()).isEqualTo(201);
        return town;
    }

    public static String area(String code, String name, String level, String parent, String kind) {
        return """
                {"code":"%s","name":"%s","level":"%s","parentCode":%s,"kind":%s}"""
                .formatted(code, name, level, parent == null ? "null" : "\"" + parent + "\"",
                        kind == null ? "null" : "\"" + kind + "\"");
    }

    /** A valid ID number for this birth date and sex (1 male, 2 female), unique within the test run. */
    public static String idNumber(LocalDate birth, String sex) {
        int seq = SEQ.incrementAndGet() % 500 * 2 + ("1".equals(sex) ? 1 : 0);
        String first17 = "430105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return first17 + IdNumber.checkChar(first17);
    }

    /** JSON of a person in a village and grid; {@code extra} is appended as more fields (start it with a comma). */
    public static String person(String idNumber, String name, String sex, LocalDate birth, String village, String grid,
                                String extra) {
        return """
                {"idNumber":%s,"name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","maritalStatus":"20",
                 "householdNo":"%s","relation":"02","hukouCode":"430105","villageCode":"%s","gridCode":%s,
                 "status":"REGISTERED","phone":"13800000000","address":"测试地址"%s}"""
                .formatted(idNumber == null ? "null" : "\"" + idNumber + "\"", name, sex, birth, "H" + village.substring(6)
                        + SEQ.incrementAndGet(), village, grid == null ? "null" : "\"" + grid + "\"", extra);
    }
}
