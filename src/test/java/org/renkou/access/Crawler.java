package org.renkou.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every link a signed-in user is shown, as the user would, and keeps what came back: the pages, lists,
 * exports and API answers one role can reach. A few addresses of each shape are enough (the third person's page
 * is built as the second one's), so the walk stays short.
 */
final class Crawler {
    private static final Pattern LINK = Pattern.compile("(?:href|hx-get|src|action|data-src|data-csv)=\"(/[^\"#]*)\"");
    private static final List<String> SKIPPED = List.of("/logout", "/css/", "/js/", "/webjars/", "/favicon",
            "/verification/icons/", "/verification/sw.js", "/swagger-ui", "/v3/api-docs", "/outreach/photos/", "/login");
    private static final Pattern BINARY = Pattern.compile(".*\\.(png|jpe?g|svg|ico|webmanifest|woff2?)$");

    /** One address and what it answered. */
    record Page(String path, int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final String authorization;

    Crawler(int port, String username, String password) {
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every page reached from the seeds by following links, at most {@code perShape} of each shape. */
    List<Page> walk(List<String> seeds, int perShape, int max) {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new HashSet<>(seeds);
        Map<String, Integer> shapes = new HashMap<>();
        List<Page> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < max) {
            String path = queue.poll();
            if (shapes.merge(shape(path), 1, Integer::sum) > perShape) {
                continue;
            }
            Page page = get(path);
            pages.add(page);
            if (page.status() == 200 && page.contentType().startsWith("text/html")) {
                Matcher m = LINK.matcher(page.body());
                while (m.find()) {
                    String next = m.group(1).replace("&amp;", "&");
                    if (SKIPPED.stream().noneMatch(next::startsWith) && !BINARY.matcher(next).matches() && seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
        }
        return pages;
    }

    Page get(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String body = type.startsWith("application/pdf") || type.contains("spreadsheet") || type.contains("zip")
                    ? "" : new String(r.body(), StandardCharsets.UTF_8);
            return new Page(path, r.statusCode(), type, body);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** The address with its numbers blanked and only the names of its parameters: /persons/# ?area. */
    private static String shape(String path) {
        int q = path.indexOf('?');
        String base = (q < 0 ? path : path.substring(0, q)).replaceAll("\\d+", "#");
        Set<String> names = new TreeSet<>();
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                names.add(pair.replaceAll("=.*", ""));
            }
        }
        return base + names;
    }
}
