package org.renkou.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The second sender posts each text as JSON to the configured SMS gateway and fails loudly when it refuses. */
class HttpSenderTest {

    @Test
    void postsPhoneAndTextToTheGateway() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(exchange.getRequestURI().getQuery() == null ? 200 : 500, -1);
            exchange.close();
        });
        gateway.start();
        try {
            String base = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
            new MessageSenders().httpSender(new SmsSettings(java.net.URI.create(base)), JsonMapper.builder().build()).send("13900000000", "验证码 123456");
            assertThat(received.get()).contains("\"phone\":\"13900000000\"").contains("验证码 123456");
            assertThatThrownBy(() -> new MessageSenders().httpSender(new SmsSettings(java.net.URI.create(base + "?fail")), JsonMapper.builder().build()).send("1", "x"))
                    .hasMessageContaining("500");
        } finally {
            gateway.stop(0);
        }
    }
}
