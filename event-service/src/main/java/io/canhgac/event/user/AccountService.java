package io.canhgac.event.user;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the IT officer does with accounts, each change audited. A change of what someone may see
 * (disabled, new role or commune, password reset) ends their sessions and live views at once
 * rather than at their next login: the session holds the role it signed in with.
 */
@Service
class AccountService {

    /** As the app_user table's check says. */
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    private static final int MAX_DISPLAY_NAME = 100;

    /** Who asks, from where: for the audit trail and the rules about oneself. */
    record Actor(String username, String address) {
    }

    /** @param districtId an operator's district; null for the whole region */
    record Profile(String displayName, Role role, String communeId, String districtId) {
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SignedInSessions sessions;

    AccountService(UserRepository users, PasswordEncoder encoder, AuditLog audit, SignedInSessions sessions) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
    }

    List<Account> list() {
        return users.findAll();
    }

    /** A new account with a password the admin hands over: its user must change it at the first login. */
    Account create(String username, Profile profile, String password, Actor admin) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw AccountRefusedException.invalid("USERNAME_INVALID",
                    "username: 2-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        Profile checked = check(profile);
        requireRules(username, password);
        if (!users.insertIfAbsent(username, encoder.encode(password), checked.displayName(), checked.role(),
                checked.communeId(), checked.districtId(), true)) {
            throw AccountRefusedException.conflict("USERNAME_TAKEN", "username taken: " + username);
        }
        audit.record(admin.username(), AuditAction.ACCOUNT_CREATED, username, describe(checked), admin.address());
        return users.findAccount(username).orElseThrow();
    }

    Account edit(String username, Profile profile, Actor admin) {
        Account before = existing(username);
        Profile checked = check(profile);
        if (before.role() == Role.ADMIN && checked.role() != Role.ADMIN) {
            requireAnotherAdmin(username);
        }
        users.update(username, checked.displayName(), checked.role(), checked.communeId(), checked.districtId());
        audit.record(admin.username(), AuditAction.ACCOUNT_EDITED, username, describe(checked), admin.address());
        if (before.role() != checked.role() || !Objects.equals(before.communeId(), checked.communeId())
                || !Objects.equals(before.districtId(), checked.districtId())) {
            sessions.withdraw(username);
        }
        return users.findAccount(username).orElseThrow();
    }

    Account setEnabled(String username, boolean enabled, Actor admin) {
        Account before = existing(username);
        if (!enabled) {
            if (username.equals(admin.username())) {
                throw AccountRefusedException.conflict("ACCOUNT_SELF", "an admin cannot disable their own account");
            }
            if (before.role() == Role.ADMIN) {
                requireAnotherAdmin(username);
            }
        }
        users.setEnabled(username, enabled);
        audit.record(admin.username(), enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, username, null,
                admin.address());
        if (!enabled) {
            sessions.withdraw(username);
        }
        return users.findAccount(username).orElseThrow();
    }

    /** A password the admin hands over; the user must change it at the next login, and is signed out now. */
    Account resetPassword(String username, String password, Actor admin) {
        existing(username);
        requireRules(username, password);
        users.setPassword(username, encoder.encode(password), true);
        audit.record(admin.username(), AuditAction.PASSWORD_RESET, username, null, admin.address());
        sessions.withdraw(username);
        return users.findAccount(username).orElseThrow();
    }

    /** A person's own change: the current password first; their other sessions end, this one goes on. */
    void changeOwnPassword(String username, String current, String next, Actor self, String sessionId) {
        AppUser stored = users.find(username).orElseThrow(() -> new AccountRefusedException(
                org.springframework.http.HttpStatus.NOT_FOUND, "ACCOUNT_UNKNOWN", "no such account"));
        if (current == null || !encoder.matches(current, stored.getPassword())) {
            throw AccountRefusedException.invalid("CURRENT_PASSWORD_WRONG", "the current password is wrong");
        }
        requireRules(username, next);
        if (encoder.matches(next, stored.getPassword())) {
            throw AccountRefusedException.invalid("PASSWORD_UNCHANGED", "the new password is the current one");
        }
        users.setPassword(username, encoder.encode(next), false);
        audit.record(self.username(), AuditAction.PASSWORD_CHANGED, username, null, self.address());
        sessions.endOthers(username, sessionId);
    }

    private Account existing(String username) {
        return users.findAccount(username).orElseThrow(() -> new AccountRefusedException(
                org.springframework.http.HttpStatus.NOT_FOUND, "ACCOUNT_UNKNOWN", "no such account: " + username));
    }

    private void requireAnotherAdmin(String username) {
        if (users.otherEnabledAdmins(username) == 0) {
            throw AccountRefusedException.conflict("ACCOUNT_LAST_ADMIN", "the last enabled admin must stay an enabled admin");
        }
    }

    private static void requireRules(String username, String password) {
        PasswordRules.broken(username, password).ifPresent(rule -> {
            throw AccountRefusedException.invalid(rule, "the password breaks a rule: " + rule);
        });
    }

    /**
     * A commune head has exactly one commune that exists; the other roles have none. Only an operator
     * may have a district, one that exists; none means the whole region.
     */
    private Profile check(Profile profile) {
        if (profile == null || profile.role() == null) {
            throw AccountRefusedException.invalid("ROLE_REQUIRED", "role is required");
        }
        String name = profile.displayName() == null ? "" : profile.displayName().strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
            throw AccountRefusedException.invalid("DISPLAY_NAME_INVALID", "display name: 1-" + MAX_DISPLAY_NAME + " characters");
        }
        String district = profile.districtId() == null || profile.districtId().isBlank() ? null : profile.districtId();
        if (district != null && (!profile.role().districtScoped() || !users.districtExists(district))) {
            throw AccountRefusedException.invalid("DISTRICT_INVALID", "only an operator may have a district, one that exists");
        }
        if (profile.role().regionWide()) {
            return new Profile(name, profile.role(), null, district);
        }
        if (profile.communeId() == null || !users.communeExists(profile.communeId())) {
            throw AccountRefusedException.invalid("COMMUNE_REQUIRED", "a commune head needs a commune of the district");
        }
        return new Profile(name, profile.role(), profile.communeId(), null);
    }

    private static String describe(Profile p) {
        return p.role() + (p.communeId() == null ? "" : " " + p.communeId())
                + (p.districtId() == null ? "" : " district " + p.districtId());
    }
}
