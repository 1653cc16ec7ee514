package org.renkou.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Publicity with photos that are checked by their content and size, and trainings counted in person-days. */
@RenkouTest
class OutreachApiTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @LocalServerPort
    int port;

    @Test
    void anActivityTakesAPhotoButNotADisguisedFile() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response a = officer.post("/api/v1/outreach/activities", "{\"heldOn\":\"2026-01-05\",\"areaCode\":\"430105100201\","
                + "\"campaign\":\"测试\",\"kind\":\"BANNER\",\"count\":3}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        int id = a.json("$.id");
        Api.Response photo = officer.upload("/api/v1/outreach/activities/" + id + "/photos", "banner.png", PNG, Map.of());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(officer.download("/api/v1/outreach/photos/" + photo.json("$.id"))).startsWith(PNG);
        Api.Response fake = officer.upload("/api/v1/outreach/activities/" + id + "/photos", "evil.png",
                "<script>alert(1)</script>".getBytes(), Map.of());
        assertThat(fake.<String>json("$.errors[0].rule")).isEqualTo("photoType");
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThat(officer.upload("/api/v1/outreach/activities/" + id + "/photos", "huge.png", huge, Map.of())
                .<String>json("$.errors[0].rule")).isEqualTo("photoSize");
        Api.Response bad = officer.post("/api/v1/outreach/activities", "{\"heldOn\":\"2026-01-05\",\"areaCode\":\"430105100201\",\"kind\":\"BANNER\",\"count\":0}");
        assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("count");
    }

    @Test
    void trainingsCountParticipantDays() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response t = officer.post("/api/v1/outreach/trainings", "{\"title\":\"测试培训\",\"startsOn\":\"2026-03-02\",\"days\":3,"
                + "\"participants\":20,\"areaCode\":\"430105100\"}");
        assertThat(t.<Integer>json("$.participantDays")).isEqualTo(60);
        Api.Response figure = officer.get("/api/v1/indicators?area=430105100&period=2026-03&codes=TRAINING_PARTICIPANT_DAYS");
        assertThat(figure.<Integer>json("$[0].value")).isEqualTo(60);
    }

    @Test
    void activitiesAndTrainingsArePagedWithTheirTrueTotal() {
        Api officer = Api.as(port, "officer", "officer123");
        for (int day = 3; day <= 5; day++) {
            assertThat(officer.post("/api/v1/outreach/activities", "{\"heldOn\":\"2025-11-0" + day + "\",\"areaCode\":\"430105100201\","
                    + "\"kind\":\"SLOGAN\",\"count\":2}").status()).isEqualTo(201);
            assertThat(officer.post("/api/v1/outreach/trainings", "{\"title\":\"分页培训\",\"startsOn\":\"2025-11-0" + day
                    + "\",\"days\":1,\"participants\":5,\"areaCode\":\"430105100\"}").status()).isEqualTo(201);
        }
        for (String list : new String[]{"activities", "trainings"}) {
            Api.Response first = officer.get("/api/v1/outreach/" + list + "?period=2025-11&size=2");
            assertThat(first.<java.util.List<Object>>json("$.items")).as(list).hasSize(2);
            assertThat(first.<Integer>json("$.total")).as(list).isEqualTo(3);
            Api.Response last = officer.get("/api/v1/outreach/" + list + "?period=2025-11&size=2&page=1");
            assertThat(last.<java.util.List<Object>>json("$.items")).as(list).hasSize(1);
        }
    }
}
