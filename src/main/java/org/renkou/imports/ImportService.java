package org.renkou.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.people.CodeTables;
import org.renkou.people.PersonImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import jobs: a file is read row by row in the background (one job at a time), each row converted and
 * checked, valid rows staged, then either only counted (dry run) or applied in one transaction, so that a
 * cancelled or failed job leaves the register as it was. Every rejected row is kept with its reason.
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int BATCH = 5_000;

    private final ImportJobs jobs;
    private final PersonImport personImport;
    private final CodeTables codes;
    private final Messages messages;
    private final AccessService access;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ImportLimits limits;
    private final org.springframework.beans.factory.ObjectProvider<org.renkou.people.DuplicateCheck> duplicates;
    private final ExecutorService worker = daemonThread("import");
    /** Writes the checked rows of a job to the staging table while the job reads on. */
    private final ExecutorService stager = daemonThread("import-stage");
    private final Set<Long> cancelRequested = ConcurrentHashMap.newKeySet();

    ImportService(ImportJobs jobs, PersonImport personImport, CodeTables codes, Messages messages,
                  AccessService access, AuditService audit, TransactionTemplate tx, ImportLimits limits,
                  org.springframework.beans.factory.ObjectProvider<org.renkou.people.DuplicateCheck> duplicates) {
        this.duplicates = duplicates;
        this.jobs = jobs;
        this.personImport = personImport;
        this.codes = codes;
        this.messages = messages;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.limits = limits;
    }

    /** Takes the upload, starts the job in the background and answers its id at once. */
    public long submit(String fileName, InputStream content, boolean dryRun) throws IOException {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Path file = Files.createTempFile("renkou-import-", ".upload");
        Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        long id = jobs.create(fileName == null ? "upload" : fileName, user.username(), dryRun);
        audit.record(AuditAction.IMPORT, "import", String.valueOf(id), (dryRun ? "dry run: " : "") + fileName);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Locale locale = LocaleContextHolder.getLocale();
        worker.submit(() -> runAs(auth, locale, () -> run(id, file, dryRun)));
        return id;
    }

    public ImportJob get(long id) {
        return visible(jobs.find(id).orElseThrow(() -> new NotFoundException("import " + id)));
    }

    /** How many probable duplicates the import queued for review (its rows are added all the same). */
    public long duplicatesQueued(long id) {
        get(id);
        org.renkou.people.DuplicateCheck check = duplicates.getIfAvailable();
        return check == null ? 0 : check.queuedByImport(id);
    }

    public List<ImportJob> recent() {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        return jobs.recent(seesAll(user) ? null : user.username(), 50);
    }

    public List<ImportError> errors(long id) {
        get(id);
        return jobs.errors(id);
    }

    public void cancel(long id) {
        if (get(id).running()) {
            cancelRequested.add(id);
            jobs.cancelling(id);
            audit.record(AuditAction.UPDATE, "import", String.valueOf(id), "cancelled");
        }
    }

    /** Jobs cut off by a restart: their staged rows are dropped and nothing of them was applied. */
    void failInterrupted() {
        for (long id : jobs.interrupted()) {
            personImport.discard(id);
            jobs.finish(id, "FAILED", 0, 0, 0, 0, 0, 0, messages.get("import.error.interrupted"));
        }
    }

    private ImportJob visible(ImportJob job) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        if (!seesAll(user) && !job.username().equals(user.username())) {
            throw new NotFoundException("import " + job.id());
        }
        return job;
    }

    private static boolean seesAll(CurrentUser user) {
        return user.has(Permission.TOWN_OFFICE);
    }

    private static void runAs(Authentication auth, Locale locale, Runnable work) {
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        SecurityContextHolder.setContext(ctx);
        LocaleContextHolder.setLocale(locale);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** The state of one running job. */
    private final class Run implements Spreadsheets.RowHandler {
        final long id;
        final int total;
        final PersonImport.RowChecker checker = personImport.checker();
        final List<PersonImport.StagedRow> batch = new ArrayList<>();
        final List<ImportError> errors = new ArrayList<>();
        ImportColumns.Header header;
        RowConverter converter;
        int processed;
        int rejected;
        boolean cancelled;
        Future<?> staging = CompletableFuture.completedFuture(null);

        Run(long id, int total) {
            this.id = id;
            this.total = total;
        }

        @Override
        public boolean row(int rowNo, String[] cells) {
            if (header == null) {
                header = ImportColumns.parse(cells);
                converter = new RowConverter(header, codes, messages);
                return true;
            }
            if (blank(cells)) {
                return true;
            }
            processed++;
            check(rowNo, cells);
            if (batch.size() >= BATCH) {
                flush();
            }
            cancelled = cancelRequested.contains(id);
            return !cancelled;
        }

        private static boolean blank(String[] cells) {
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private void check(int rowNo, String[] cells) {
            if (cells.length > header.keys().size()
                    && java.util.Arrays.stream(cells, header.keys().size(), cells.length).anyMatch(c -> !c.isBlank())) {
                reject(rowNo, List.of(new FieldProblem("", "cellCount",
                        messages.get("import.error.cellCount", cells.length, header.keys().size()))), java.util.Map.of());
                return;
            }
            RowConverter.Converted c = converter.convert(cells);
            List<FieldProblem> problems = new ArrayList<>(c.problems());
            if (problems.isEmpty()) {
                var checked = checker.check(c.form());
                if (checked.problems().isEmpty()) {
                    batch.add(new PersonImport.StagedRow(rowNo, c.form(), checked.idNumber(), checked.idNumberFlagged()));
                    return;
                }
                problems.addAll(checked.problems());
            }
            reject(rowNo, problems, c.raw());
        }

        private void reject(int rowNo, List<FieldProblem> problems, java.util.Map<String, String> raw) {
            rejected++;
            for (FieldProblem p : problems) {
                errors.add(new ImportError(rowNo, header.column(p.field()),
                        raw.get(ImportColumns.Header.keyOf(p.field())), p.message()));
            }
        }

        /** Hands the batch to the staging thread, which writes it while the next batch is read. */
        void flush() {
            List<PersonImport.StagedRow> rows = List.copyOf(batch);
            batch.clear();
            awaitStaging();
            staging = stager.submit(() -> personImport.stage(id, rows));
            jobs.addErrors(id, errors);
            errors.clear();
            jobs.progress(id, Math.max(total, processed), processed, rejected);
        }

        /** Waits until the batches handed over are written; a failed write fails the job. */
        void awaitStaging() {
            try {
                staging.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void run(long id, Path file, boolean dryRun) {
        Run run = null;
        try {
            jobs.phase(id, "READING");
            int total = Spreadsheets.isXlsx(file) ? 0 : Spreadsheets.countCsvRows(file);
            run = new Run(id, total);
            long start = System.currentTimeMillis();
            Spreadsheets.read(file, limits, run);
            log.info("Import {}: {} rows read, checked and staged in {} ms", id, run.processed,
                    System.currentTimeMillis() - start);
            if (run.header == null) {
                throw new ImportColumns.HeaderException("import.error.empty");
            }
            run.flush();
            run.awaitStaging();
            if (run.cancelled) {
                finishCancelled(run);
                return;
            }
            finish(run, dryRun, file.getFileName().toString());
        } catch (ImportColumns.HeaderException e) {
            jobs.finish(id, "FAILED", 0, 0, 0, 0, 0, 0, messages.get(e.key, e.args));
        } catch (Spreadsheets.MalformedException e) {
            jobs.finish(id, "FAILED", 0, 0, 0, 0, 0, 0, messages.get(e.key, e.rowNo, e.limit));
        } catch (Spreadsheets.UnreadableException e) {
            jobs.finish(id, "FAILED", 0, 0, 0, 0, 0, 0, messages.get("import.error.format"));
        } catch (CancelledException e) {
            finishCancelled(run);
        } catch (Exception e) {
            log.error("Import {} failed", id, e);
            int processed = run == null ? 0 : run.processed;
            jobs.finish(id, "FAILED", processed, processed, 0, 0, 0, 0, e.getMessage());
        } finally {
            cancelRequested.remove(id);
            if (run != null) {
                awaitQuietly(run);
            }
            personImport.discard(id);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}", file);
            }
        }
    }

    /** A stopping application does not wait for an import: its transaction rolls back. */
    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A job that ends early still lets its last batch finish writing, so that discarding its rows removes all. */
    private static void awaitQuietly(Run run) {
        try {
            run.awaitStaging();
        } catch (RuntimeException e) {
            log.debug("Import {}: staging had failed", run.id, e);
        }
    }

    private void finish(Run run, boolean dryRun, String source) {
        Set<String> fields = run.header.fields();
        enter(run, "CHECKING");
        personImport.rejectInconsistent(run.id, fields.contains("householdNo") && fields.contains("relation"));
        reportRejections(run);
        PersonImport.Counts counts = personImport.classify(run.id, fields);
        long start = System.currentTimeMillis();
        if (!dryRun) {
            enter(run, "WRITING");
            tx.executeWithoutResult(status -> { // a cancel rolls it back
                personImport.apply(run.id, fields, counts, "import " + run.id, () -> stopIfCancelled(run));
                stopIfCancelled(run);
            });
        }
        log.info("Import {}: cross-row checks and classification done, applied in {} ms", run.id,
                System.currentTimeMillis() - start);
        int rejected = jobs.rejectedRows(run.id);
        jobs.finish(run.id, "DONE", run.processed, run.processed, counts.added(), counts.changed(), counts.unchanged(),
                rejected, null);
    }

    /** Adds the rows refused across rows to the job's errors, a page at a time. */
    private void reportRejections(Run run) {
        int after = 0;
        while (true) {
            List<PersonImport.Rejection> page = personImport.rejections(run.id, after, BATCH);
            if (page.isEmpty()) {
                return;
            }
            jobs.addErrors(run.id, page.stream().map(r -> new ImportError(r.rowNo(), run.header.column(r.field()),
                    r.value(), r.message())).toList());
            after = page.get(page.size() - 1).rowNo();
        }
    }

    /** Moves the job on to its next phase, unless it was cancelled meanwhile. */
    private void enter(Run run, String phase) {
        stopIfCancelled(run);
        jobs.phase(run.id, phase);
    }

    private void stopIfCancelled(Run run) {
        if (cancelRequested.contains(run.id)) {
            throw new CancelledException();
        }
    }

    private void finishCancelled(Run run) {
        jobs.finish(run.id, "CANCELLED", run.total, run.processed, 0, 0, 0, run.rejected,
                messages.get("import.cancelled"));
    }

    /** Thrown when the user cancelled: between phases, or inside the applying transaction to roll it back. */
    private static final class CancelledException extends RuntimeException {
    }
}
