package org.renkou.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.SentMessages;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tomorrow's appointments are reminded once each; a phone that opted out is not texted. */
@RenkouTest
class RemindersTest {
    @LocalServerPort
    int port;
    @Autowired
    Reminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appointmentsOfTomorrowAreRemindedOnceAndOptOutsRespected() {
        Api officer = Api.as(port, "officer", "officer123");
        int point = officer.post("/api/v1/portal/points", "{\"name\":\"提醒服务点\",\"address\":\"测试\"}").json("$.id");
        String tomorrow = Dates.today().plusDays(1).atTime(10, 0).atZone(Dates.ZONE).toOffsetDateTime().toString();
        int slot = officer.post("/api/v1/portal/points/" + point + "/slots", "{\"service\":\"CONSULTATION\",\"startsAt\":\""
                + tomorrow + "\",\"capacity\":5}").json("$.id");
        for (String phone : new String[]{"13955550001", "13955550002"}) {
            PortalClient c = new PortalClient(port);
            c.get("/portal/appointments");
            assertThat(c.post("/portal/appointments", Map.of("slotId", String.valueOf(slot), "name", "提醒", "phone", phone)).status())
                    .isEqualTo(302);
        }
        notifications.setOptOut("13955550002", true);
        int before = SentMessages.SENT.size();
        reminders.run();
        assertThat(SentMessages.lastTo("13955550001")).contains("明天").contains("提醒服务点");
        assertThat(SentMessages.lastTo("13955550002")).as("opted out").isNull();
        assertThat(jdbc.sql("select sent from portal_notification where phone = '13955550002' and kind = 'APPOINTMENT'")
                .query(Boolean.class).single()).as("kept for the page, not sent").isFalse();
        int after = SentMessages.SENT.size();
        reminders.run();
        assertThat(SentMessages.SENT.stream().skip(after).filter(s -> s.phone().startsWith("1395555"))).as("once").isEmpty();
        assertThat(after).isGreaterThan(before);
    }
}
