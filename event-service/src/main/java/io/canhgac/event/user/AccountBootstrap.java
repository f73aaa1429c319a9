package io.canhgac.event.user;

import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes the demo accounts, or the first admin, once the schema and the communes are in place and
 * before the web server takes requests; and refuses to start a non-demo server that still has a
 * demo password, which anyone who has read the README would know.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountProperties properties;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final DistrictInventory inventory;
    private final AuditLog audit;

    AccountBootstrap(AccountProperties properties, UserRepository users, PasswordEncoder encoder,
                     DistrictInventory inventory, AuditLog audit) {
        this.properties = properties;
        this.users = users;
        this.encoder = encoder;
        this.inventory = inventory;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.demo()) {
            createDemoAccounts();
        }
        if (!properties.bootstrapAdminPassword().isBlank() && !users.anyAdmin()) {
            PasswordRules.broken("admin", properties.bootstrapAdminPassword()).ifPresent(rule -> {
                throw new IllegalStateException("canhgac.accounts.bootstrap-admin-password breaks a password rule: " + rule);
            });
            // it was typed on a command line or into a unit file: the admin chooses their own at the first login
            create("admin", encoder.encode(properties.bootstrapAdminPassword()), "Quản trị viên", Role.ADMIN, null, true);
        }
        if (!properties.demo()) {
            refuseDemoPasswords();
        }
        if (users.findEnabled().isEmpty()) {
            log.warn("No accounts: nobody can sign in. Start once with --canhgac.accounts.bootstrap-admin-password=…"
                    + " (or --canhgac.accounts.demo=true for the demo accounts)");
        }
    }

    private void createDemoAccounts() {
        create("admin", "Quản trị viên (demo)", Role.ADMIN, null);
        create("operator", "Trực ban (demo)", Role.OPERATOR, null);
        create("technician", "Kỹ thuật viên (demo)", Role.TECHNICIAN, null);
        for (Commune commune : inventory.communes()) {
            create(commune.id(), "Chủ tịch UBND xã " + commune.name() + " (demo)", Role.COMMUNE_HEAD, commune.id());
        }
        log.warn("Demo accounts are enabled (password <username>-demo, see README): not for production");
    }

    private void create(String username, String displayName, Role role, String communeId) {
        create(username, encoder.encode(AccountProperties.demoPassword(username)), displayName, role, communeId, false);
    }

    private void create(String username, String hash, String displayName, Role role, String communeId, boolean mustChange) {
        if (users.insertIfAbsent(username, hash, displayName, role, communeId, null, mustChange)) {
            audit.record("system", AuditAction.ACCOUNT_CREATED, username, role + (communeId == null ? "" : " " + communeId), null);
        }
    }

    private void refuseDemoPasswords() {
        List<String> weak = users.findEnabled().stream()
                .filter(u -> encoder.matches(AccountProperties.demoPassword(u.getUsername()), u.getPassword()))
                .map(AppUser::getUsername).toList();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("Accounts " + weak + " still have their demo password. Change or disable them,"
                    + " or run as a demo with --canhgac.accounts.demo=true");
        }
    }
}
