package io.canhgac.event.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be, stated on the pages in both languages and enforced here for every
 * password a person or an admin sets: 12 characters or more (length beats forced symbol mixes),
 * at most 72 bytes (what bcrypt reads), not containing the username (which also rules out every
 * demo password, {@code <username>-demo}), and at least 5 different characters.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 5;

    private PasswordRules() {
    }

    /** The rule it breaks, as the problem code the page translates; empty when it is good. */
    static Optional<String> broken(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("PASSWORD_TOO_SHORT");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("PASSWORD_TOO_LONG");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("PASSWORD_HAS_USERNAME");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("PASSWORD_TOO_SIMPLE");
        }
        return Optional.empty();
    }
}
