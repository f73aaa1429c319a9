package io.canhgac.event.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lockout per account name and per address, at the default limits. Each test starts from no counts
 * and lifts what it locked: a locked 127.0.0.1 would keep the other tests of this context out.
 */
class LoginLockoutTest extends CentreApiTest {

    @Autowired
    LockoutProperties limits;

    /** Signed in before anything locks: the address lock would keep a later login out. */
    private WebSession admin;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM login_lock");
        admin = signIn("admin");
    }

    @AfterEach
    void unlock() {
        jdbc.update("DELETE FROM login_lock");
    }

    private String tryLogin(String username, String password) {
        return WebSession.anonymous(base).submitLogin(username, password).headers().firstValue("Location").orElse("");
    }

    private JsonNode lockouts() throws Exception {
        return json.readTree(admin.get("/api/lockouts").body());
    }

    @Test
    void aLockedAccountIsNotOpenedByItsValidPasswordUntilAnAdminReleasesIt() throws Exception {
        for (int i = 1; i < limits.accountFailures(); i++) {
            assertThat(tryLogin(i % 2 == 0 ? "Operator " : "operator", "guess-" + i)).as("names count as they are matched")
                    .endsWith("/login.html?error");
        }
        assertThat(tryLogin("operator", "last-guess")).as("the failure that locks says so").contains("?locked=account&minutes=15");
        assertThat(tryLogin("operator", "operator-demo")).as("the valid password, locked").contains("?locked=account");
        assertThat(tryLogin("technician", "technician-demo")).as("another account").isEqualTo(base + "/");

        JsonNode locks = lockouts();
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).get("kind").asText()).isEqualTo("ACCOUNT");
        assertThat(locks.get(0).get("key").asText()).isEqualTo("operator");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'LOGIN_LOCKED' AND target = 'operator'",
                String.class)).singleElement().asString()
                .startsWith("ACCOUNT: " + limits.accountFailures() + " failed logins, locked until ");

        assertThat(admin.send("POST", "/api/lockouts/release", "{\"kind\":\"ACCOUNT\",\"key\":\"operator\"}").statusCode())
                .isEqualTo(204);
        assertThat(jdbc.queryForList("SELECT username FROM audit_log WHERE action = 'LOGIN_UNLOCKED' AND target = 'operator'",
                String.class)).containsExactly("admin");
        assertThat(tryLogin("operator", "operator-demo")).isEqualTo(base + "/");
        assertThat(lockouts()).isEmpty();
        assertThat(admin.send("POST", "/api/lockouts/release", "{\"kind\":\"ACCOUNT\",\"key\":\"operator\"}").statusCode())
                .as("nothing left to release").isEqualTo(404);
    }

    @Test
    void aLockEndsByItselfAndItsCountStartsAgain() {
        for (int i = 0; i < limits.accountFailures(); i++) {
            tryLogin("que-lam", "guess-" + i);
        }
        assertThat(tryLogin("que-lam", "que-lam-demo")).contains("?locked=account");
        // its time has passed (as after 15 minutes)
        jdbc.update("UPDATE login_lock SET locked_until = now() - interval '1 second' WHERE key = 'que-lam'");
        assertThat(tryLogin("que-lam", "wrong-again")).as("one failure after the lock, counted afresh").endsWith("?error");
        assertThat(tryLogin("que-lam", "que-lam-demo")).isEqualTo(base + "/");
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryAccountEvenNamesThatDoNotExist() throws Exception {
        // a different name each time, so no account limit is reached: only the address's
        for (int i = 1; i < limits.addressFailures(); i++) {
            assertThat(tryLogin("name-" + i, "123456")).endsWith("?error");
        }
        assertThat(tryLogin("guest", "123456")).contains("?locked=address");
        assertThat(tryLogin("operator", "operator-demo")).as("a valid login from that address").contains("?locked=address");
        assertThat(admin.get("/api/me").statusCode()).as("sessions already open go on").isEqualTo(200);

        JsonNode locks = lockouts();
        assertThat(locks.findValuesAsText("kind")).containsExactly("ADDRESS");
        assertThat(locks.get(0).get("key").asText()).isEqualTo("127.0.0.1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'LOGIN_LOCKED' AND target = '127.0.0.1'",
                Integer.class)).isEqualTo(1);
        assertThat(admin.send("POST", "/api/lockouts/release", "{\"kind\":\"ADDRESS\",\"key\":\"127.0.0.1\"}").statusCode())
                .isEqualTo(204);
        assertThat(tryLogin("operator", "operator-demo")).isEqualTo(base + "/");
    }

    @Test
    void onlyAdminsSeeAndLiftLocks() {
        WebSession operator = signIn("operator");
        assertThat(operator.get("/api/lockouts").statusCode()).isEqualTo(403);
        assertThat(operator.send("POST", "/api/lockouts/release", "{\"kind\":\"ACCOUNT\",\"key\":\"x\"}").statusCode()).isEqualTo(403);
    }
}
