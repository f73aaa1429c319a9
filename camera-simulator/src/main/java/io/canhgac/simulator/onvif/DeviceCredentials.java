package io.canhgac.simulator.onvif;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one account of a simulated camera. The password can change while the camera runs — the
 * "someone changed the password" fault a technician meets — and every later request is checked
 * against the new one. It can also follow a password kept elsewhere (the camera's RTSP account),
 * so the two never disagree.
 */
public final class DeviceCredentials {

    private final String username;
    private volatile Supplier<String> password;

    public DeviceCredentials(String username, String password) {
        this.username = requireText(username, "username");
        String fixed = requireText(password, "password");
        this.password = () -> fixed;
    }

    private DeviceCredentials(String username, Supplier<String> password) {
        this.username = requireText(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** An account whose password is read from {@code password} at every request. */
    public static DeviceCredentials following(String username, Supplier<String> password) {
        return new DeviceCredentials(username, password);
    }

    public String username() {
        return username;
    }

    public void changePassword(String newPassword) {
        String fixed = requireText(newPassword, "password");
        this.password = () -> fixed;
    }

    String password() {
        return requireText(password.get(), "password");
    }

    private static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }
}
