package org.renkou.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JVMs of their own start the embedded PostgreSQL on one data directory, write a row, and are killed with
 * SIGKILL (no shutdown hook runs): the server must not outlive them, and the next start must come up with the data,
 * even when the server was left running (its watchdog killed too) or a stale pid file names someone else's server.
 */
class EmbeddedPostgresCrashTest {
    private static final String READY = "ready: ";

    @TempDir
    Path tmp;
    private final List<Process> children = new ArrayList<>();

    @Test
    void aKilledAppLeavesNoServerBehindAndTheNextStartHasItsData() throws Exception {
        Path dir = tmp.resolve("data");
        Process first = start(dir, "before the crash");
        long firstServer = serverPid(dir);
        first.destroyForcibly().waitFor();
        await(() -> !alive(firstServer), "the server of the killed app is stopped");

        Process second = start(dir, null);
        assertThat(lastReady(second)).isEqualTo("before the crash");
        long left = serverPid(dir);
        for (ProcessHandle watchdog : second.toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("renkou-postgres-watchdog")).toList()) {
            watchdog.destroyForcibly();
            watchdog.onExit().get();
        }
        second.destroyForcibly().waitFor();
        assertThat(alive(left)).as("without its watchdog, the server outlives its app").isTrue();

        Process other = start(tmp.resolve("other"), "another directory's");
        long otherServer = serverPid(tmp.resolve("other"));
        Process third = start(dir, "after the crashes");
        assertThat(lastReady(third)).isEqualTo("after the crashes,before the crash");
        assertThat(alive(left)).as("the server left running is stopped").isFalse();
        long thirdServer = serverPid(dir);
        stop(third);
        await(() -> !alive(thirdServer), "a normal stop stops the server");

        // a stale pid file whose pid now belongs to another directory's server: removed, and that server left alone
        Files.copy(tmp.resolve("other").resolve("postmaster.pid"), dir.resolve("postmaster.pid"));
        Process fourth = start(dir, null);
        assertThat(lastReady(fourth)).isEqualTo("after the crashes,before the crash");
        assertThat(alive(otherServer)).isTrue();
        stop(fourth);
        stop(other);
    }

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : children) {
            p.destroyForcibly().waitFor();
        }
    }

    /** Starts {@link Child} on the directory and waits until it is ready. */
    private Process start(Path dir, String note) throws Exception {
        Path log = tmp.resolve("child-" + children.size() + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()));
        if (note != null) {
            command.add(note);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        for (int i = 0; i < 1_200 && lastReady(p) == null; i++) {
            assertThat(p.isAlive()).as(() -> read(log)).isTrue();
            Thread.sleep(100);
        }
        assertThat(lastReady(p)).as(() -> read(log)).isNotNull();
        return p;
    }

    /** What the child read from its table once ready (null before). */
    private String lastReady(Process p) {
        String out = read(tmp.resolve("child-" + children.indexOf(p) + ".log"));
        int at = out.lastIndexOf(READY);
        return at < 0 || out.indexOf('\n', at) < 0 ? null : out.substring(at + READY.length(), out.indexOf('\n', at));
    }

    /** Ends a child normally: it stops when its input closes. */
    private static void stop(Process p) throws Exception {
        p.getOutputStream().close();
        assertThat(p.waitFor()).isZero();
    }

    private static long serverPid(Path dir) throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
    }

    /** Alive and not a zombie: a stopped server whose parent died may wait for a reaper that never comes here. */
    private static boolean alive(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Starts the server on args[0], adds the note args[1] (if any), prints the notes, and runs until stdin closes. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(args[0]), false);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
                c.createStatement().execute("create table if not exists note (text text)");
                if (args.length > 1) {
                    try (PreparedStatement insert = c.prepareStatement("insert into note values (?)")) {
                        insert.setString(1, args[1]);
                        insert.executeUpdate();
                    }
                }
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select string_agg(text, ',' order by text) from note")) {
                    rs.next();
                    System.out.println(READY + rs.getString(1));
                }
            }
            while (System.in.read() >= 0) {
                // runs until the test closes its input or kills it
            }
        }
    }
}
