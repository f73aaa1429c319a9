package io.canhgac.event.gateway;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.UUID;

/** Registering and revoking gateways: admins only (see SecurityConfiguration). */
@RestController
class GatewayController {

    /** @param communes the communes it holds; none: it serves the communes no gateway holds */
    record NewGateway(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
            message = "2 to 64 of a-z 0-9 . _ -, starting with a letter or digit") String name,
                      @Size(max = 64) List<@NotBlank String> communes) {
    }

    record Communes(@NotNull @Size(max = 64) List<@NotBlank String> communes) {
    }

    private final GatewayRegistry registry;

    GatewayController(GatewayRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/gateways")
    List<Gateway> list() {
        return registry.list();
    }

    /** The answer carries the token: the only time it is ever shown. */
    @PostMapping("/api/gateways")
    @ResponseStatus(HttpStatus.CREATED)
    GatewayRegistry.Registered register(@AuthenticationPrincipal AppUser admin, @Valid @RequestBody NewGateway gateway,
                                        HttpServletRequest request) {
        GatewayRegistry.Registered registered = registry.register(gateway.name(), admin.getUsername(), request.getRemoteAddr())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "a gateway named '" + gateway.name() + "' exists"));
        if (gateway.communes() == null || gateway.communes().isEmpty()) {
            return registered;
        }
        return new GatewayRegistry.Registered(communes(admin, registered.gateway().id(), new Communes(gateway.communes()), request),
                registered.token());
    }

    /** The communes the gateway holds, replacing those it held. */
    @PutMapping("/api/gateways/{id}/communes")
    Gateway communes(@AuthenticationPrincipal AppUser admin, @PathVariable UUID id, @Valid @RequestBody Communes communes,
                     HttpServletRequest request) {
        try {
            return registry.bind(id, communes.communes(), admin.getUsername(), request.getRemoteAddr())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no gateway " + id));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @PostMapping("/api/gateways/{id}/revoke")
    Gateway revoke(@AuthenticationPrincipal AppUser admin, @PathVariable UUID id, HttpServletRequest request) {
        return registry.revoke(id, admin.getUsername(), request.getRemoteAddr())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no gateway " + id));
    }
}
