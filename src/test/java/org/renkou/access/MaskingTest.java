package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Roles that may not read whole ID numbers cannot rebuild them from anything else they are shown. */
@RenkouTest
class MaskingTest {
    private static final String VILLAGE = "430105100201";

    @LocalServerPort
    int port;

    @Test
    void theClinicSeesNeitherTheSequenceNorTheCheckCharacter() {
        Api admin = Api.as(port, "admin", "admin123");
        int someone = admin.get("/api/v1/persons?size=1&area=" + VILLAGE).json("$.items[0].id");
        String whole = admin.get("/api/v1/persons/" + someone).json("$.idNumber");
        Api clinic = Api.as(port, "clinic", "clinic123");
        Api.Response detail = clinic.get("/api/v1/persons/" + someone);
        assertThat(detail.<String>json("$.idNumber")).isEqualTo(whole.substring(0, 6) + "************");
        Api.Response list = clinic.get("/api/v1/persons?size=1&idNumber=" + whole);
        assertThat(list.<String>json("$.items[0].idNumber")).doesNotContain(whole.substring(14));
    }

    @Test
    void theClinicReadsChangedIdNumbersMaskedInTheHistory() {
        Api admin = Api.as(port, "admin", "admin123");
        LocalDate birth = LocalDate.of(1991, 3, 4);
        String before = TestData.idNumber(birth, "2");
        String after = TestData.idNumber(birth, "2");
        Api.Response created = admin.post("/api/v1/persons", TestData.person(before, "历史掩码", "2", birth, VILLAGE, null, ""));
        assertThat(created.status()).isEqualTo(201);
        int id = created.json("$.id");
        Api.Response changed = admin.put("/api/v1/persons/" + id, TestData.person(after, "历史掩码", "2", birth, VILLAGE, null,
                ",\"version\":0"));
        assertThat(changed.status()).isEqualTo(200);

        Api clinic = Api.as(port, "clinic", "clinic123");
        Api.Response history = clinic.get("/api/v1/persons/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.<List<String>>json("$[?(@.field == 'idNumber')].oldValue")).containsExactly(
                before.substring(0, 6) + "************");
        assertThat(history.body()).doesNotContain(before).doesNotContain(after);
        assertThat(admin.get("/api/v1/persons/" + id + "/history").body()).contains(before).contains(after);

        String page = clinic.get("/persons/" + id).body();
        assertThat(page).contains("历史掩码").doesNotContain(before).doesNotContain(after);
        assertThat(admin.post("/api/v1/persons/" + id + "/entered-by-mistake?version=1", "").status()).isEqualTo(204);
    }
}
