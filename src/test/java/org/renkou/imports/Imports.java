package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.renkou.Api;

/** Imports through the API: upload a file, then wait for its job to finish. */
final class Imports {
    private Imports() {
    }

    static Api.Response run(Api api, String fileName, byte[] content, boolean dryRun) {
        Api.Response started = api.upload("/api/v1/imports/persons", fileName, content,
                Map.of("dryRun", String.valueOf(dryRun)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return await(api, started.<Integer>json("$.id"));
    }

    static Api.Response await(Api api, int id) {
        for (int i = 0; i < 600; i++) {
            Api.Response job = api.get("/api/v1/imports/" + id);
            if (!"RUNNING".equals(job.json("$.status"))) {
                return job;
            }
            sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
