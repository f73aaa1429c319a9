package io.canhgac.simulator.onvif;

import java.util.Objects;

/**
 * The one account of a simulated camera. The password can change while the camera runs — the
 * "someone changed the password" fault a technician meets — and every later request is checked
 * against the new one.
 */
public final class DeviceCredentials {

    private final String username;
    private volatile String password;

    public DeviceCredentials(String username, String password) {
        this.username = requireText(username, "username");
        this.password = requireText(password, "password");
    }

    public String username() {
        return username;
    }

    public void changePassword(String newPassword) {
        this.password = requireText(newPassword, "password");
    }

    String password() {
        return password;
    }

    private static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }
}
