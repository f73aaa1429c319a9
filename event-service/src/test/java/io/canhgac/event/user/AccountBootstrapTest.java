package io.canhgac.event.user;

import io.canhgac.config.DistrictInventory;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a production start (demo off) does with the accounts it finds. Rolled back after each test. */
@Transactional
class AccountBootstrapTest extends CentreApiTest {

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DistrictInventory inventory;
    @Autowired
    AuditLog audit;

    private AccountBootstrap production(String bootstrapPassword) {
        return new AccountBootstrap(new AccountProperties(false, bootstrapPassword), users, encoder, inventory, audit);
    }

    @Test
    void aProductionStartRefusesDemoPasswordsAndNamesTheAccounts() {
        jdbc.update("UPDATE app_user SET enabled = false WHERE username <> 'que-lam'");
        assertThatThrownBy(() -> production("").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[que-lam]").hasMessageContaining("canhgac.accounts.demo=true");
    }

    @Test
    void aProductionStartAcceptsChangedPasswordsAndDisabledDemoAccounts() {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = 'admin'", encoder.encode("a long real passphrase"));
        jdbc.update("UPDATE app_user SET enabled = false WHERE username <> 'admin'");
        production("").afterSingletonsInstantiated();
        assertThat(users.findEnabled()).extracting(AppUser::getUsername).containsExactly("admin");
    }

    @Test
    void aBootstrapPasswordBreakingTheRulesIsRefused() {
        jdbc.update("DELETE FROM app_user");
        assertThatThrownBy(() -> production("admin-password-2026").afterSingletonsInstantiated())
                .hasMessageContaining("PASSWORD_HAS_USERNAME");
    }

    @Test
    void theBootstrapPasswordMakesTheFirstAdminOnAnEmptyInstall() {
        jdbc.update("DELETE FROM app_user");
        production("correct horse battery").afterSingletonsInstantiated();
        AppUser admin = users.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches("correct horse battery", admin.getPassword())).isTrue();
        assertThat(admin.mustChangePassword()).as("typed on a command line: changed at the first login").isTrue();
        assertThat(users.findAll()).as("no demo account outside the demo").extracting(Account::username).containsExactly("admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'ACCOUNT_CREATED' AND target = 'admin'"
                + " AND at >= now()", Integer.class)).isEqualTo(1);
    }
}
