package io.canhgac.gateway.onvif;

import java.util.Objects;

/** The ONVIF user of one camera. {@link #toString()} never shows the password. */
public record OnvifCredentials(String username, String password) {

    /** For cameras with authentication switched off: requests carry no token. */
    public static final OnvifCredentials ANONYMOUS = new OnvifCredentials("", "");

    public OnvifCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** An account as the registry stores it: no user name means none; a missing password is empty. */
    public static OnvifCredentials of(String username, String password) {
        return username == null || username.isEmpty() ? ANONYMOUS : new OnvifCredentials(username, password == null ? "" : password);
    }

    public boolean isAnonymous() {
        return username.isEmpty();
    }

    @Override
    public String toString() {
        return isAnonymous() ? "OnvifCredentials[anonymous]" : "OnvifCredentials[username=" + username + ", password=***]";
    }
}
