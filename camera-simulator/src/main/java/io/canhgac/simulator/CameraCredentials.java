package io.canhgac.simulator;

/** A camera account. */
public record CameraCredentials(String username, String password) {

    public CameraCredentials {
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("a camera account needs a username and a password");
        }
    }
}
