package org.renkou.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox and inbox are paged in the database: a page past the first 1000 messages, and the true total. */
@RenkouTest
class ExchangePagingTest {
    private static final int MESSAGES = 1001;
    private static final String KIND = "test.paging";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api officer;

    @BeforeEach
    void manyMessages() {
        officer = Api.as(port, "officer", "officer123");
        // delivered long ago by the dispatcher's measure, but dated as the newest, so they lead every list
        jdbc.sql("""
                insert into exchange_outbox (id, recipient, kind, payload, state, created_at, acknowledged_at)
                select gen_random_uuid(), '430105999', ?, '{"n":' || n || '}', 'ACKNOWLEDGED',
                    now() + interval '1 year' + n * interval '1 second', now() from generate_series(1, ?) n""")
                .params(KIND, MESSAGES).update();
        jdbc.sql("""
                insert into exchange_inbox (id, sender, kind, payload, sent_at, received_at)
                select gen_random_uuid(), '430105999', ?, '{"n":' || n || '}', now(),
                    now() + interval '1 year' + n * interval '1 second' from generate_series(1, ?) n""")
                .params(KIND, MESSAGES).update();
    }

    @AfterEach
    void remove() {
        jdbc.sql("delete from exchange_outbox where kind = ?").param(KIND).update();
        jdbc.sql("delete from exchange_inbox where kind = ?").param(KIND).update();
    }

    @Test
    void theApiPagesBeyondTheFirstThousandWithTheTrueTotal() {
        long sent = jdbc.sql("select count(*) from exchange_outbox").query(Long.class).single();
        Api.Response second = officer.get("/api/v1/exchange/outbox?limit=1000&page=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-Total-Count")).isEqualTo(String.valueOf(sent));
        assertThat(second.<String>json("$[0].payload")).as("newest first: the 1001st is the oldest of these").isEqualTo("{\"n\":1}");
        assertThat(officer.get("/api/v1/exchange/outbox?limit=2").<List<String>>json("$[*].payload"))
                .containsExactly("{\"n\":1001}", "{\"n\":1000}");

        long received = jdbc.sql("select count(*) from exchange_inbox").query(Long.class).single();
        Api.Response inbox = officer.get("/api/v1/exchange/inbox?limit=10&page=100");
        assertThat(inbox.header("X-Total-Count")).isEqualTo(String.valueOf(received));
        assertThat(inbox.<String>json("$[0].payload")).isEqualTo("{\"n\":1}");
    }

    @Test
    void theExchangePageShowsTheRequestedPage() {
        long sent = jdbc.sql("select count(*) from exchange_outbox").query(Long.class).single();
        String page = officer.get("/exchange?outboxPage=50").body();
        assertThat(page).contains("共 " + String.format("%,d", sent) + " 条，第 51/");
        assertThat(page).contains("id=\"outboxPage-prev\"");
    }
}
