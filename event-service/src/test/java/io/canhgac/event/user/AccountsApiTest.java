package io.canhgac.event.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.AccountFixtures;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin's account API, the forced password change, the password rules and what disabling ends. */
class AccountsApiTest extends CentreApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    static final String GIVEN = "tam-thoi-2026-Xy";
    static final String CHOSEN = "núi Hòn Tàu mùa mưa";

    private WebSession admin;

    @BeforeEach
    void setUp() {
        admin = signIn("admin");
    }

    private static String fresh() {
        return "head" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    private String problem(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).path("problem").asText();
    }

    private List<String> audited(String action, String target) {
        return jdbc.queryForList("SELECT username FROM audit_log WHERE action = ? AND target = ? ORDER BY id", String.class,
                action, target);
    }

    @Test
    void anAdminCreatesACommuneHeadWhoMustChangeThePasswordBeforeAnythingElse() throws Exception {
        String name = fresh();
        AccountFixtures.create(admin, name, "COMMUNE_HEAD", "que-lam", GIVEN);
        assertThat(audited("ACCOUNT_CREATED", name)).containsExactly("admin");

        WebSession head = WebSession.login(base, name, GIVEN);
        assertThat(json.readTree(head.get("/api/me").body()).get("mustChangePassword").asBoolean()).isTrue();
        HttpResponse<String> cameras = head.get("/api/cameras");
        assertThat(cameras.statusCode()).isEqualTo(403);
        assertThat(problem(cameras)).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(head.head("GET", "/", null).location()).endsWith("/password.html");

        HttpResponse<String> wrongCurrent = head.send("POST", "/api/me/password",
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"" + CHOSEN + "\"}");
        assertThat(problem(wrongCurrent)).isEqualTo("CURRENT_PASSWORD_WRONG");
        HttpResponse<String> same = head.send("POST", "/api/me/password",
                "{\"currentPassword\":\"" + GIVEN + "\",\"newPassword\":\"" + GIVEN + "\"}");
        assertThat(problem(same)).isEqualTo("PASSWORD_UNCHANGED");
        HttpResponse<String> changed = head.send("POST", "/api/me/password",
                "{\"currentPassword\":\"" + GIVEN + "\",\"newPassword\":\"" + CHOSEN + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(audited("PASSWORD_CHANGED", name)).containsExactly(name);

        // the same session goes on, now with only their commune
        JsonNode seen = json.readTree(head.get("/api/cameras").body());
        assertThat(seen).isNotEmpty();
        seen.forEach(c -> assertThat(c.get("communeId").asText()).isEqualTo("que-lam"));
        WebSession.login(base, name, CHOSEN);
        assertThat(head.submitLoginFails(name, GIVEN)).as("the given password is gone").isTrue();
    }

    @Test
    void passwordRulesHoldForNewAccountsResetsAndOwnChangesAndRuleOutDemoPasswords() throws Exception {
        String name = fresh();
        for (String[] bad : new String[][]{{"short-1", "PASSWORD_TOO_SHORT"}, {name + "-demo", "PASSWORD_HAS_USERNAME"},
                {"aaaaabbbbbaaaaabbbbb", "PASSWORD_TOO_SIMPLE"}, {"ê".repeat(37), "PASSWORD_TOO_LONG"}}) {
            HttpResponse<String> refused = admin.send("POST", "/api/accounts",
                    AccountFixtures.accountJson(name, "X", "OPERATOR", null, bad[0]));
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(problem(refused)).as(bad[0]).isEqualTo(bad[1]);
        }
        AccountFixtures.create(admin, name, "OPERATOR", null, GIVEN);
        assertThat(problem(admin.send("POST", "/api/accounts/" + name + "/password", "{\"password\":\"" + name + "-demo\"}")))
                .isEqualTo("PASSWORD_HAS_USERNAME");
        WebSession self = WebSession.login(base, name, GIVEN);
        assertThat(problem(self.send("POST", "/api/me/password",
                "{\"currentPassword\":\"" + GIVEN + "\",\"newPassword\":\"" + name + "-demo\"}"))).isEqualTo("PASSWORD_HAS_USERNAME");
        assertThat(problem(admin.send("POST", "/api/accounts", AccountFixtures.accountJson(name, "X", "OPERATOR", null, GIVEN))))
                .isEqualTo("USERNAME_TAKEN");
        assertThat(problem(admin.send("POST", "/api/accounts",
                AccountFixtures.accountJson(fresh(), "X", "COMMUNE_HEAD", "no-such-commune", GIVEN)))).isEqualTo("COMMUNE_REQUIRED");
    }

    @Test
    void disablingEndsTheSessionsAndTheirAlertStreamsAtOnceAndLoginIsRefusedUntilEnabled() throws Exception {
        String name = fresh();
        AccountFixtures.create(admin, name, "COMMUNE_HEAD", "son-vien", GIVEN);
        WebSession desk = AccountFixtures.firstLogin(base, name, GIVEN, CHOSEN);
        WebSession phone = WebSession.login(base, name, CHOSEN);
        try (SseTestClient onDesk = desk.sse("/api/alerts/stream"); SseTestClient onPhone = phone.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !onDesk.received("hello").isEmpty() && !onPhone.received("hello").isEmpty());

            AccountFixtures.disable(admin, name);
            await().atMost(Duration.ofSeconds(2)).until(() -> onDesk.ended() && onPhone.ended());
        }
        assertThat(desk.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(phone.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(WebSession.anonymous(base).submitLoginFails(name, CHOSEN)).isTrue();
        assertThat(audited("ACCOUNT_DISABLED", name)).containsExactly("admin");

        assertThat(admin.send("POST", "/api/accounts/" + name + "/enable", null).statusCode()).isEqualTo(200);
        assertThat(WebSession.login(base, name, CHOSEN).get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewCommuneOrAResetEndsTheSessionsAndTheNextLoginSeesTheChange() throws Exception {
        String name = fresh();
        AccountFixtures.create(admin, name, "COMMUNE_HEAD", "que-lam", GIVEN);
        WebSession head = AccountFixtures.firstLogin(base, name, GIVEN, CHOSEN);
        HttpResponse<String> moved = admin.send("PUT", "/api/accounts/" + name,
                "{\"displayName\":\"Chủ tịch xã\",\"role\":\"COMMUNE_HEAD\",\"communeId\":\"son-vien\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(head.get("/api/me").statusCode()).isEqualTo(401);
        WebSession again = WebSession.login(base, name, CHOSEN);
        assertThat(json.readTree(again.get("/api/me").body()).get("communeId").asText()).isEqualTo("son-vien");

        HttpResponse<String> reset = admin.send("POST", "/api/accounts/" + name + "/password", "{\"password\":\"" + GIVEN + "\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(json.readTree(reset.body()).get("mustChangePassword").asBoolean()).isTrue();
        assertThat(again.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(WebSession.login(base, name, GIVEN).get("/api/cameras").statusCode()).isEqualTo(403);
        assertThat(audited("PASSWORD_RESET", name)).containsExactly("admin");
        assertThat(audited("ACCOUNT_EDITED", name)).containsExactly("admin");
    }

    @Test
    void theLastAdminStaysAndNobodyDisablesThemself() throws Exception {
        assertThat(problem(admin.send("POST", "/api/accounts/admin/disable", null))).isEqualTo("ACCOUNT_SELF");
        String other = fresh();
        AccountFixtures.create(admin, other, "ADMIN", null, GIVEN);
        WebSession second = AccountFixtures.firstLogin(base, other, GIVEN, CHOSEN);
        AccountFixtures.disable(second, "admin");
        try {
            assertThat(problem(second.send("PUT", "/api/accounts/" + other,
                    "{\"displayName\":\"X\",\"role\":\"OPERATOR\",\"communeId\":null}"))).isEqualTo("ACCOUNT_LAST_ADMIN");
        } finally {
            assertThat(second.send("POST", "/api/accounts/admin/enable", null).statusCode()).isEqualTo(200);
            AccountFixtures.disable(signIn("admin"), other);
        }
        // disabling "admin" ended its session of this test's start
        assertThat(admin.get("/api/accounts").statusCode()).isEqualTo(401);
        JsonNode accounts = json.readTree(signIn("admin").get("/api/accounts").body());
        assertThat(accounts.findValuesAsText("username")).contains("admin", other);
        assertThat(accounts.findValues("passwordHash")).as("never a hash").isEmpty();
    }
}
