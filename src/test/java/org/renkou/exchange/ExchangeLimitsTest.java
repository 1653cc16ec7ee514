package org.renkou.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange endpoint is open to the network: oversized batches and bodies are refused before they are read,
 * a flood of refused messages is turned away per address, and no peer text can forge a log line.
 */
@RenkouTest
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeLimitsTest {
    @LocalServerPort
    int port;
    @Autowired
    ExchangeProperties limits;
    @Autowired
    JsonMapper json;

    /** One HTTP/1.1 exchange on a raw socket: the request head, then whatever body the writer sends. */
    private String raw(String head, BodyWriter body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                body.write(out);
            } catch (IOException refusedMidway) {
                // the server may answer and close before the whole body is sent: its answer is what counts
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                answer.write(buf, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private String post(String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return raw("POST /exchange/v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n", out -> out.write(bytes));
    }

    private static Envelope forged(String sender) {
        return new Envelope(UUID.randomUUID().toString(), sender, "430105100", "test.ping", null, Instant.now().toString(),
                "{}", "AAAA");
    }

    @Test
    @Order(1)
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        String answer = raw("POST /exchange/v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (limits.maxBody().toBytes() + 1) + "\r\n\r\n", out -> { });
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    @Order(2)
    void aChunkedBodyIsReadOnlyUpToTheLimit() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        long chunks = limits.maxBody().toBytes() / chunk.length + 2;
        String answer = raw("POST /exchange/v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", out -> {
                    out.write("1\r\n[\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (long i = 0; i < chunks; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    @Order(3)
    void aBatchOverTheConfiguredSizeIsRefusedAsAWhole() throws IOException {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i <= limits.maxBatch(); i++) {
            batch.add(forged("430105100"));
        }
        assertThat(post(json.writeValueAsString(batch), "application/json")).startsWith("HTTP/1.1 413")
                .contains("application/problem+json");
        assertThat(post("{not json", "application/json")).startsWith("HTTP/1.1 400");
    }

    @Test
    @Order(4)
    void aClaimedSenderCannotForgeALogLine(CapturedOutput output) throws IOException {
        String sender = "999999\n2026-01-01 00:00:00 INFO  forged line: admin logged in";
        assertThat(post(json.writeValueAsString(List.of(forged(sender))), "application/json")).startsWith("HTTP/1.1 200");
        assertThat(output.getAll()).contains("999999\\u000a2026-01-01").doesNotContain("\n2026-01-01 00:00:00 INFO  forged");
    }

    /** Last: it leaves this test client's address turned away for a minute. */
    @Test
    @Order(5)
    void refusedMessagesFromOneAddressAreLimited(CapturedOutput output) throws IOException {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < limits.refusalsPerAddressPerMinute(); i++) {
            batch.add(forged("flood-sender"));
        }
        assertThat(post(json.writeValueAsString(batch), "application/json")).startsWith("HTTP/1.1 200");
        String turnedAway = post(json.writeValueAsString(List.of(forged("flood-sender"))), "application/json");
        assertThat(turnedAway).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After:");
        assertThat(output.getAll().split("from flood-sender", -1).length - 1).as("the log holds no more than the limit")
                .isLessThanOrEqualTo(limits.refusalsPerAddressPerMinute());
    }
}
