package io.canhgac.event.user;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts made at start.
 *
 * @param demo                   create the demo accounts (admin, operator, technician and one head per
 *                               commune, each with the password {@code <username>-demo}) and accept demo
 *                               passwords; when false the server refuses to start while any enabled account
 *                               still has its demo password
 * @param bootstrapAdminPassword when set and no enabled admin exists, creates the account {@code admin}
 *                               with it (at least 12 characters), so a production install can be entered
 */
@Validated
@ConfigurationProperties("canhgac.accounts")
record AccountProperties(@DefaultValue("false") boolean demo,
                         @DefaultValue("") @Pattern(regexp = "^$|^.{12,}$", message = "must have at least 12 characters")
                         String bootstrapAdminPassword) {

    static final String DEMO_SUFFIX = "-demo";

    static String demoPassword(String username) {
        return username + DEMO_SUFFIX;
    }
}
