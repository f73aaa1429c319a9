package io.canhgac.event.camera;

import jakarta.validation.constraints.Size;

/**
 * An ONVIF account to try on a registered camera, or to store once it worked. Both null: the
 * account the registry holds.
 */
public record CameraAccount(@Size(max = 64) String username, @Size(max = 128) String password) {

    boolean isEmpty() {
        return username == null && password == null;
    }

    String user() {
        return username == null ? "" : username.trim();
    }

    String secret() {
        return password == null ? "" : password;
    }
}
