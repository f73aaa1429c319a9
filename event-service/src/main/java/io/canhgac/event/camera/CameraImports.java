package io.canhgac.event.camera;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Onboards a CSV file's cameras in the background, one row after the other, through the same
 * onboarding as the form: each camera is read and its stream checked before anything of it is
 * stored, so a refused row leaves nothing behind. One import runs at a time on a node (they share
 * the communes' thin links with discovery); the last few are kept in a table for the page to
 * follow from any node.
 */
@Component
class CameraImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CameraImports.class);
    private static final int KEPT = 10;

    private final CameraOnboardingService onboarding;
    private final CameraRegistry registry;
    private final Validator validator;
    private final AuditLog audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "camera-import");
        t.setDaemon(true);
        return t;
    });
    private final CameraImportStore imports;

    CameraImports(CameraOnboardingService onboarding, CameraRegistry registry, Validator validator, AuditLog audit,
                  CameraImportStore imports) {
        this.imports = imports;
        this.onboarding = onboarding;
        this.registry = registry;
        this.validator = validator;
        this.audit = audit;
    }

    /**
     * Parses the file and starts onboarding its rows.
     *
     * @throws CameraCsv.MalformedException the file is not a registry CSV; nothing was started
     */
    CameraImport start(String csv, String fileName, String actor, String remoteAddress) {
        List<CameraCsv.Row> rows = CameraCsv.parse(csv);
        String id = UUID.randomUUID().toString();
        CameraImport started = new CameraImport(id, "RUNNING", 0, rows.size(), 0, 0, Instant.now(), null, List.of());
        imports.put(started, KEPT);
        audit.record(actor, AuditAction.CAMERA_IMPORT, "import " + id, rows.size() + " rows from "
                + (fileName == null || fileName.isBlank() ? "a CSV file" : fileName), remoteAddress);
        runner.execute(() -> run(started, rows, actor, remoteAddress));
        return started;
    }

    Optional<CameraImport> find(String id) {
        return imports.find(id);
    }

    private void run(CameraImport started, List<CameraCsv.Row> rows, String actor, String remoteAddress) {
        List<CameraImport.RowResult> results = new ArrayList<>();
        int onboarded = 0;
        for (CameraCsv.Row row : rows) {
            CameraImport.RowResult result = onboard(row, actor, remoteAddress);
            results.add(result);
            onboarded += result.ok() ? 1 : 0;
            put(new CameraImport(started.id(), "RUNNING", results.size(), rows.size(), onboarded,
                    results.size() - onboarded, started.startedAt(), null, List.copyOf(results)));
        }
        put(new CameraImport(started.id(), "DONE", rows.size(), rows.size(), onboarded, rows.size() - onboarded,
                started.startedAt(), Instant.now(), List.copyOf(results)));
        log.info("Import {}: {} of {} cameras onboarded", started.id(), onboarded, rows.size());
    }

    private CameraImport.RowResult onboard(CameraCsv.Row row, String actor, String remoteAddress) {
        // the export names communes by name; the form by id: either will do
        String commune = row.commune() == null ? null : registry.communeIdFor(row.commune()).orElse(row.commune());
        OnboardingRequest request = new OnboardingRequest(row.address(), row.username(), row.password(), row.cameraId(),
                commune, row.name(), row.latitude(), row.longitude());
        String invalid = validator.validate(request).stream()
                .map(v -> column(v) + ": " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        if (!invalid.isEmpty()) {
            return new CameraImport.RowResult(row.line(), row.cameraId(), false, "INVALID", invalid);
        }
        try {
            CameraView camera = onboarding.onboard(request, actor, remoteAddress);
            return new CameraImport.RowResult(row.line(), camera.id(), true, null, null);
        } catch (OnboardingRefusedException e) {
            return new CameraImport.RowResult(row.line(), row.cameraId(), false, e.problem(), e.getMessage());
        } catch (GatewayUnavailableException e) {
            // that commune's link is down: its rows fail, the other communes' rows go on
            return new CameraImport.RowResult(row.line(), row.cameraId(), false, "GATEWAY_UNAVAILABLE", e.getMessage());
        } catch (IllegalArgumentException e) {
            return new CameraImport.RowResult(row.line(), row.cameraId(), false, "INVALID",
                    e.getMessage().replace("communeId:", "commune:"));
        } catch (RuntimeException e) {
            log.warn("Import {}: line {} failed", row.cameraId(), row.line(), e);
            return new CameraImport.RowResult(row.line(), row.cameraId(), false, "ERROR", String.valueOf(e.getMessage()));
        }
    }

    /** The CSV's name for a field of the request, so the technician finds the cell. */
    private static String column(ConstraintViolation<OnboardingRequest> v) {
        return switch (v.getPropertyPath().toString()) {
            case "address" -> "device_service";
            case "cameraId" -> "id";
            case "communeId" -> "commune";
            default -> v.getPropertyPath().toString();
        };
    }

    /** Progress while the rows go on: a database hiccup loses a step of it, not the import. */
    private void put(CameraImport job) {
        try {
            imports.put(job, KEPT);
        } catch (RuntimeException e) {
            log.warn("Import {}: progress not saved ({})", job.id(), e.toString());
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
