package io.canhgac.event.district;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import io.canhgac.event.user.DistrictScopeChanges;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Regions, districts and communes: everyone signed in reads the part their scope allows (the UI
 * shows districts and filters by them); admins add regions and districts and move communes between
 * districts (the security configuration says so for the writes).
 */
@RestController
class DistrictController {

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");

    record NewRegion(String id, String name) {
    }

    record NewDistrict(String id, String regionId, String name) {
    }

    record CommuneMove(String districtId) {
    }

    private final DistrictRepository districts;
    private final DistrictScopeChanges scopeChanges;
    private final AuditLog audit;

    DistrictController(DistrictRepository districts, DistrictScopeChanges scopeChanges, AuditLog audit) {
        this.districts = districts;
        this.scopeChanges = scopeChanges;
        this.audit = audit;
    }

    @GetMapping("/api/districts")
    List<DistrictDirectory.RegionItem> list(@AuthenticationPrincipal AppUser user) {
        return DistrictDirectory.tree(districts.all(), user.scope());
    }

    @PostMapping("/api/regions")
    @ResponseStatus(HttpStatus.CREATED)
    NewRegion createRegion(@RequestBody NewRegion body, @AuthenticationPrincipal AppUser admin, HttpServletRequest http) {
        String id = checkedId(body.id());
        if (!districts.insertRegion(id, checkedName(body.name()))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "region exists: " + id);
        }
        audit.record(admin.getUsername(), AuditAction.REGION_CREATED, id, body.name().strip(), http.getRemoteAddr());
        return new NewRegion(id, body.name().strip());
    }

    @PostMapping("/api/districts")
    @ResponseStatus(HttpStatus.CREATED)
    NewDistrict createDistrict(@RequestBody NewDistrict body, @AuthenticationPrincipal AppUser admin, HttpServletRequest http) {
        String id = checkedId(body.id());
        String name = checkedName(body.name());
        if (body.regionId() == null || !districts.regionExists(body.regionId())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "regionId: no such region");
        }
        if (!districts.insertDistrict(id, body.regionId(), name)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "district exists: " + id);
        }
        audit.record(admin.getUsername(), AuditAction.DISTRICT_CREATED, id, body.regionId() + " " + name, http.getRemoteAddr());
        return new NewDistrict(id, body.regionId(), name);
    }

    /** Operators scoped to the district it leaves or joins are signed out: their sessions hold the old communes. */
    @PutMapping("/api/districts/communes/{communeId}")
    CommuneMove moveCommune(@PathVariable String communeId, @RequestBody CommuneMove body, @AuthenticationPrincipal AppUser admin,
                            HttpServletRequest http) {
        String from = districts.districtOf(communeId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such commune: " + communeId));
        if (body.districtId() == null || !districts.districtExists(body.districtId())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "districtId: no such district");
        }
        if (!from.equals(body.districtId())) {
            districts.move(communeId, body.districtId());
            audit.record(admin.getUsername(), AuditAction.COMMUNE_MOVED, communeId, from + " -> " + body.districtId(),
                    http.getRemoteAddr());
            scopeChanges.communesChanged(from);
            scopeChanges.communesChanged(body.districtId());
        }
        return new CommuneMove(body.districtId());
    }

    private static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id: 2-64 of a-z, 0-9, '-'");
        }
        return id;
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name: 1-100 characters");
        }
        return name.strip();
    }
}
