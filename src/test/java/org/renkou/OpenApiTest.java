package org.renkou;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API as its OpenAPI document describes it: the document is valid OpenAPI 3.1 (checked against the official
 * schema, vendored in src/test/resources/openapi), and no operation answers any of a set of bad values in any of
 * its parameters or body fields with a 5xx or fails to answer. The operations come from the document, so a new
 * endpoint is walked without being named here. Its own application context (and database): the walk writes
 * whatever the API lets an administrator write, away from the demo town the other tests read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"renkou.embedded-db.ephemeral=true", "renkou.demo=true", "renkou.openapi-walk=true"})
class OpenApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Values for a query or path parameter: wrong type, negative, out of range, control characters, too long. */
    private static final List<String> BAD_PARAMETERS = List.of("abc", "-1", "-2147483649", "99999999999999999999",
            "1e309", "2024-13-45", "a\u0000b", "\u0001\u001f", "'\"<>;--", "x".repeat(3000), "");
    /** JSON values for a body field. */
    private static final List<String> BAD_FIELDS = List.of("\"abc\"", "-1", "-99999999999", "99999999999999999999",
            "1.5e300", "\"2024-13-45\"", "\"a\\u0000b\"", "\"\\u0007\"", "\"" + "长".repeat(30_000) + "\"", "{}", "[]",
            "true", "\"\"", "null");
    /** Whole bodies that are no object of the expected shape. */
    private static final List<String> BAD_BODIES = List.of("", "{", "[]", "\"x\"", "null", "[".repeat(5000));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));

    private JsonNode document() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.yaml")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.YAML);
        }
        List<Error> errors = schema.validate(doc);
        assertThat(errors).extracting(Error::toString).isEmpty();
        // and what the schema leaves open: every parameter says what it takes
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                op.getValue().path("parameters").forEach(p -> assertThat(p.has("schema") || p.has("content"))
                        .as("%s %s parameter %s", op.getKey(), path.getKey(), p.path("name").asString()).isTrue())));
    }

    /** One request of the walk and what it was answered. */
    private record Sent(String method, String path, String what, int status, String body) {
        @Override
        public String toString() {
            return method + " " + path + " [" + what + "] -> " + status + " "
                    + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    @Test
    void noOperationAnswersBadInputWithAServerError() throws Exception {
        JsonNode doc = document();
        List<Sent> failures = new ArrayList<>();
        int[] requests = {0};
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                walk(doc, op.getKey().toUpperCase(), path.getKey(), op.getValue(), failures, requests);
            }
        }));
        assertThat(requests[0]).as("requests sent").isGreaterThan(500);
        assertThat(failures).as("of %d requests", requests[0]).extracting(Sent::toString).isEmpty();
    }

    private void walk(JsonNode doc, String method, String template, JsonNode op, List<Sent> failures, int[] requests) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asString();
            if ("path".equals(p.path("in").asString())) {
                path.put(name, pathValue(resolve(doc, p.path("schema"))));
            } else if ("query".equals(p.path("in").asString())) {
                query.put(name, queryValue(resolve(doc, p.path("schema"))));
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        JsonNode jsonSchema = content.has("application/json")
                ? resolve(doc, content.path("application/json").path("schema")) : null;
        boolean multipart = content.has("multipart/form-data");
        String body = jsonSchema == null ? null : JSON.writeValueAsString(example(doc, jsonSchema, 0));
        if (path.isEmpty() && query.isEmpty() && jsonSchema == null && !multipart) {
            return; // nothing to send a bad value in
        }
        List<Runnable> sends = new ArrayList<>();
        for (String name : path.keySet()) {
            for (String bad : BAD_PARAMETERS) {
                if (!bad.isEmpty()) { // an empty path segment is another path
                    Map<String, String> p = new LinkedHashMap<>(path);
                    p.put(name, bad);
                    sends.add(() -> send(method, template, p, query, body, multipart, "path " + name, failures));
                }
            }
        }
        for (String name : query.keySet()) {
            for (String bad : BAD_PARAMETERS) {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.put(name, bad);
                sends.add(() -> send(method, template, path, q, body, multipart, "query " + name, failures));
            }
        }
        if (jsonSchema != null) {
            for (String field : fields(doc, jsonSchema, "", 0)) {
                for (String bad : BAD_FIELDS) {
                    String changed = withField(body, field, bad);
                    sends.add(() -> send(method, template, path, query, changed, false, "field " + field, failures));
                }
            }
            for (String bad : BAD_BODIES) {
                sends.add(() -> send(method, template, path, query, bad, false, "body", failures));
            }
        }
        if (multipart) {
            sends.add(() -> send(method, template, path, query, null, true, "multipart", failures));
        }
        sends.forEach(Runnable::run);
        requests[0] += sends.size();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            return doc.at(ref.substring(1));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        return t.asString(schema.has("properties") ? "object" : "string");
    }

    /** A path value that names nothing there is: the walk reaches no existing record through a path. */
    private static String pathValue(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> "987654321";
            default -> schema.has("enum") ? schema.path("enum").get(0).asString() : "none-such";
        };
    }

    private static String queryValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (type(schema)) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "date".equals(schema.path("format").asString()) ? "2024-01-01" : "x";
        };
    }

    /** A plain value of the schema's shape, objects with every property (two levels deep). */
    private static JsonNode example(JsonNode doc, JsonNode schema, int depth) {
        schema = resolve(doc, schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type(schema)) {
            case "integer" -> JSON.getNodeFactory().numberNode(987654321L);
            case "number" -> JSON.getNodeFactory().numberNode(1.5);
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            case "array" -> {
                var array = JSON.createArrayNode();
                if (depth < 2) {
                    array.add(example(doc, schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                if (depth < 3) {
                    schema.path("properties").properties()
                            .forEach(p -> o.set(p.getKey(), example(doc, p.getValue(), depth + 1)));
                }
                yield o;
            }
            default -> JSON.getNodeFactory().stringNode(
                    "date".equals(schema.path("format").asString()) ? "2024-01-01" : "x");
        };
    }

    /** The JSON pointers of the body's fields, nested objects' fields included (two levels deep). */
    private static List<String> fields(JsonNode doc, JsonNode schema, String prefix, int depth) {
        List<String> fields = new ArrayList<>();
        schema = resolve(doc, schema);
        if (!"object".equals(type(schema)) || depth > 1) {
            return fields;
        }
        schema.path("properties").properties().forEach(p -> {
            String pointer = prefix + "/" + p.getKey();
            fields.add(pointer);
            fields.addAll(fields(doc, p.getValue(), pointer, depth + 1));
        });
        return fields;
    }

    private static String withField(String body, String pointer, String json) {
        ObjectNode root = (ObjectNode) JSON.readTree(body);
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        if (parent instanceof ObjectNode o) {
            o.set(pointer.substring(cut + 1), JSON.readTree(json.isEmpty() ? "null" : json));
        }
        return JSON.writeValueAsString(root);
    }

    private void send(String method, String template, Map<String, String> path, Map<String, String> query, String body,
                      boolean multipart, String what, List<Sent> failures) {
        String p = template;
        for (var e : path.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(p + q)).timeout(TIMEOUT).header("Authorization", authorization);
        if (multipart) {
            String boundary = "----renkouwalk";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(method, HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\nx,y\r\n--"
                    + boundary + "--\r\n"));
        } else if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                failures.add(new Sent(method, p + q, what, r.statusCode(), r.body()));
            }
        } catch (HttpTimeoutException e) {
            failures.add(new Sent(method, p + q, what, 0, "no answer within " + TIMEOUT));
        } catch (Exception e) {
            failures.add(new Sent(method, p + q, what, 0, e.toString()));
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
