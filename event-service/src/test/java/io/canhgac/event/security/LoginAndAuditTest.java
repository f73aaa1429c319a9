package io.canhgac.event.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAndAuditTest extends CentreApiTest {

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM audit_log WHERE action <> 'ACCOUNT_CREATED'");
    }

    private List<Map<String, Object>> audit(String action) {
        return jdbc.queryForList("SELECT * FROM audit_log WHERE action = ? ORDER BY id", action);
    }

    @Test
    void aGoodLoginOpensTheApiAndIsAuditedWithItsAddress() throws Exception {
        WebSession operator = signIn("operator");
        HttpResponse<String> me = operator.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(me.body());
        assertThat(body.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(body.get("communeId").isNull()).isTrue();

        List<Map<String, Object>> rows = audit("LOGIN_SUCCESS");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("username", "operator").containsEntry("remote_address", "127.0.0.1");
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageAndIsAuditedWithoutThePassword() {
        WebSession guesser = WebSession.anonymous(base);
        HttpResponse<String> answer = guesser.submitLogin("admin", "admin123");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login.html?error");
        assertThat(guesser.get("/api/me").statusCode()).isEqualTo(401);

        guesser.submitLogin("nobody", "x");
        List<Map<String, Object>> rows = audit("LOGIN_FAILURE");
        assertThat(rows).extracting(r -> r.get("username")).containsExactly("admin", "nobody");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("remote_address")).isEqualTo("127.0.0.1");
            assertThat(String.valueOf(r.get("detail"))).doesNotContain("admin123").isEqualTo("BadCredentialsException");
        });
        assertThat(audit("LOGIN_SUCCESS")).isEmpty();
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        WebSession session = WebSession.anonymous(base);
        HttpResponse<String> answer = session.send("POST", "/login?username=operator&password=operator-demo", null);
        // no cookie yet, so no token was sent: refused before the password is looked at
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(audit("LOGIN_SUCCESS")).isEmpty();
    }

    @Test
    void logoutNeedsTheCsrfTokenEndsTheSessionAndIsAudited() {
        WebSession technician = signIn("technician");
        String token = technician.csrfToken().orElseThrow();
        assertThat(token).isNotBlank();

        HttpResponse<String> out = technician.send("POST", "/logout", null);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login.html?logout");
        assertThat(technician.get("/api/cameras").statusCode()).isEqualTo(401);
        assertThat(audit("LOGOUT")).extracting(r -> r.get("username")).containsExactly("technician");
    }

    @Test
    void theAuditTrailIsForAdminsOnlyNewestFirstAndFiltered() throws Exception {
        WebSession.anonymous(base).submitLogin("operator", "wrong");
        WebSession operator = signIn("operator");
        WebSession admin = signIn("admin");

        assertThat(operator.get("/api/audit").statusCode()).isEqualTo(403);
        assertThat(WebSession.anonymous(base).get("/api/audit").statusCode()).isEqualTo(401);

        JsonNode all = json.readTree(admin.get("/api/audit").body());
        assertThat(all.get(0).get("action").asText()).isEqualTo("LOGIN_SUCCESS");
        assertThat(all.get(0).get("username").asText()).isEqualTo("admin");
        JsonNode failures = json.readTree(admin.get("/api/audit?action=LOGIN_FAILURE").body());
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("username").asText()).isEqualTo("operator");
        JsonNode operatorRows = json.readTree(admin.get("/api/audit?user=operator&limit=1").body());
        assertThat(operatorRows).hasSize(1);
        assertThat(operatorRows.get(0).get("action").asText()).isEqualTo("LOGIN_SUCCESS");
        assertThat(admin.get("/api/audit?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesGoToTheLoginPageTheApiSays401AndHeadersAreSet() {
        WebSession stranger = WebSession.anonymous(base);
        HttpResponse<String> page = stranger.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        assertThat(stranger.get("/api/cameras").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/actuator/info").statusCode()).isEqualTo(401);

        HttpResponse<String> login = stranger.get("/login.html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"", "Đăng nhập");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(stranger.csrfToken()).as("the login page leaves a CSRF cookie for its form").isPresent();
    }

    @Test
    void passwordsAreStoredAsBcryptAndACommuneHeadHasExactlyTheirCommune() {
        List<Map<String, Object>> users = jdbc.queryForList("SELECT * FROM app_user ORDER BY username");
        assertThat(users).extracting(u -> u.get("username"))
                .contains("admin", "operator", "technician", "que-loc", "son-vien", "phuoc-ninh", "que-lam", "ninh-phuoc");
        assertThat(users).allSatisfy(u -> assertThat((String) u.get("password_hash")).startsWith("{bcrypt}$2a$"));
        // the demo's heads (other tests of this context make heads of their own through the accounts API)
        assertThat(users).filteredOn(u -> "COMMUNE_HEAD".equals(u.get("role")) && ((String) u.get("display_name")).endsWith("(demo)"))
                .hasSize(5).allSatisfy(u -> assertThat(u.get("commune_id")).isEqualTo(u.get("username")));
        // the schema itself refuses a commune head without a commune, and an operator tied to one
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO app_user (username, password_hash, display_name, role) VALUES ('x1', 'h', 'X', 'COMMUNE_HEAD')"))
                .hasMessageContaining("app_user_check");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO app_user (username, password_hash, display_name, role, commune_id) VALUES ('x2', 'h', 'X', 'OPERATOR', 'que-loc')"))
                .hasMessageContaining("app_user_check");
    }
}
