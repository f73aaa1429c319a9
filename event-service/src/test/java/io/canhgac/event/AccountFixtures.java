package io.canhgac.event;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts made as the IT officer makes them: through the admin's API. */
public final class AccountFixtures {

    private AccountFixtures() {
    }

    public static String accountJson(String username, String displayName, String role, String communeId, String password) {
        return "{\"username\":\"%s\",\"displayName\":\"%s\",\"role\":\"%s\",\"communeId\":%s,\"password\":\"%s\"}".formatted(
                username, displayName, role, communeId == null ? "null" : "\"" + communeId + "\"", password);
    }

    /** Creates the account (201 or the test fails); its user must change the password at the first login. */
    public static void create(WebSession admin, String username, String role, String communeId, String password) {
        HttpResponse<String> made = admin.send("POST", "/api/accounts",
                accountJson(username, "Người thử " + username, role, communeId, password));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    /** An operator who sees one district's communes only. */
    public static void createDistrictOperator(WebSession admin, String username, String districtId, String password) {
        HttpResponse<String> made = admin.send("POST", "/api/accounts", """
                {"username":"%s","displayName":"Trực ban %s","role":"OPERATOR","districtId":"%s","password":"%s"}"""
                .formatted(username, districtId, districtId, password));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    /** Signs in with the password an admin set and changes it, as the forced first step. */
    public static WebSession firstLogin(String base, String username, String given, String chosen) {
        WebSession session = WebSession.login(base, username, given);
        HttpResponse<String> changed = session.send("POST", "/api/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(given, chosen));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        return session;
    }

    public static void disable(WebSession admin, String username) {
        HttpResponse<String> done = admin.send("POST", "/api/accounts/" + username + "/disable", null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }
}
