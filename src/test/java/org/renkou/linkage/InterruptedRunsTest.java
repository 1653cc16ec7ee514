package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run cut off by a stop: the next start marks it failed, with why, on the API and the page. */
@RenkouTest
class InterruptedRunsTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InterruptedRuns atStart;

    @Test
    void aRunCutOffByARestartIsFailedWithItsReasonAtTheNextStart() {
        Api admin = Api.as(port, "admin", "admin123");
        String town = TestData.town(admin, "418");
        // what a stop in the middle of a run leaves behind: the row, still running, its worker gone
        long id = jdbc.sql("insert into linkage_run (area_code, started_by, persons) values (?, 'admin', 7) returning id")
                .param(town).query(Long.class).single();
        assertThat(admin.get("/api/v1/linkage/runs/" + id).<String>json("$.status")).isEqualTo("RUNNING");

        atStart.run(null);

        Api.Response run = admin.get("/api/v1/linkage/runs/" + id);
        assertThat(run.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(run.<String>json("$.message")).contains("重启");
        String page = admin.get("/linkage").body();
        assertThat(page).contains("data-run=\"" + id + "\"").contains("未完成").contains("查找因系统重启而中断");
    }
}
