package io.canhgac.event.camera;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Technicians keep the registry: edit a camera, try an account on it, store an account the camera
 * took, and onboard a whole CSV file (errors: {@link RegistryProblems}).
 */
@RestController
class RegistryEditController {

    private final CameraMaintenance maintenance;
    private final CameraImports imports;

    RegistryEditController(CameraMaintenance maintenance, CameraImports imports) {
        this.maintenance = maintenance;
        this.imports = imports;
    }

    @PutMapping("/api/cameras/{id}")
    ResponseEntity<CameraView> edit(@PathVariable String id, @Valid @RequestBody CameraEdit edit,
                                    @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        return ResponseEntity.of(maintenance.edit(id, edit, user.getUsername(), http.getRemoteAddr()));
    }

    /**
     * The onboarding check (reachable, account taken, stream decodes) with the stored account, or with
     * the one in the body, which is not stored. A refusal is a 422 with onboarding's problem code.
     */
    @PostMapping("/api/cameras/{id}/credentials/test")
    ResponseEntity<Map<String, Object>> test(@PathVariable String id, @Valid @RequestBody(required = false) CameraAccount account,
                                             @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        CameraAccount tried = account == null ? new CameraAccount(null, null) : account;
        return ResponseEntity.of(maintenance.test(id, tried, user.getUsername(), http.getRemoteAddr())
                .map(d -> Map.of("ok", true, "cameraId", id, "manufacturer", String.valueOf(d.manufacturer()),
                        "model", String.valueOf(d.model()), "subStream", String.valueOf(d.subStream()))));
    }

    /** Stores an account only if the camera takes it (tested first, here): never an untried password. */
    @PutMapping("/api/cameras/{id}/credentials")
    ResponseEntity<CameraView> credentials(@PathVariable String id, @Valid @RequestBody CameraAccount account,
                                           @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        return ResponseEntity.of(maintenance.replaceAccount(id, account, user.getUsername(), http.getRemoteAddr()));
    }

    /** A file from the page's picker (multipart, part "file"). */
    @PostMapping(path = "/api/cameras/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CameraImport> importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal AppUser user,
                                            HttpServletRequest http) throws IOException {
        return started(imports.start(new String(file.getBytes(), StandardCharsets.UTF_8), file.getOriginalFilename(),
                user.getUsername(), http.getRemoteAddr()));
    }

    /** The same from a script: {@code curl --data-binary @cameras.csv -H 'Content-Type: text/csv'}; UTF-8 always. */
    @PostMapping(path = "/api/cameras/import", consumes = "text/csv")
    ResponseEntity<CameraImport> importText(@RequestBody byte[] csv, @AuthenticationPrincipal AppUser user,
                                            HttpServletRequest http) {
        return started(imports.start(new String(csv, StandardCharsets.UTF_8), null, user.getUsername(), http.getRemoteAddr()));
    }

    @GetMapping("/api/cameras/imports/{id}")
    ResponseEntity<CameraImport> progress(@PathVariable String id) {
        return ResponseEntity.of(imports.find(id));
    }

    private static ResponseEntity<CameraImport> started(CameraImport job) {
        return ResponseEntity.accepted().location(URI.create("/api/cameras/imports/" + job.id())).body(job);
    }
}
