package io.canhgac.event.camera;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.canhgac.event.camera.RegistryApiTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A technician's upkeep of registered cameras through the API: edit, try and replace an account,
 * import a CSV file. Against the same scripted gateway as {@link RegistryApiTest} (one application
 * context for both): it takes only {@link RegistryApiTest#PASSWORD}.
 */
@Import(RegistryApiTest.ScriptedGateway.class)
class RegistryEditApiTest extends CentreApiTest {

    static final String HEADER = "id,name,commune,status,manufacturer,model,firmware,serial,device_service,sub_stream,"
            + "latitude,longitude,username,password";

    @Autowired
    InventorySeeder seeder;

    private WebSession technician;
    /** Camera ids come round again from test to test: only this test's audit rows count. */
    private long auditMark;

    @BeforeEach
    void signIn() {
        technician = signIn("technician");
        forgetTestCameras();
        auditMark = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);
    }

    @AfterEach
    void forgetTestCameras() {
        jdbc.update("DELETE FROM camera WHERE id LIKE 'que-lam-%' OR id LIKE 'imp-%'");
    }

    private String onboarded(String host) throws Exception {
        HttpResponse<String> r = technician.send("POST", "/api/cameras/onboard", """
                {"address":"%s","username":"admin","password":"%s","communeId":"que-lam","name":"Cam %s"}"""
                .formatted(host, PASSWORD, host));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asText();
    }

    private JsonNode assignment(String cameraId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/cameras"))
                .header("Authorization", "Bearer test-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode a : json.readTree(r.body())) {
            if (a.get("id").asText().equals(cameraId)) {
                return a;
            }
        }
        return null;
    }

    private List<String> audit(String action, String target) {
        return jdbc.queryForList("SELECT coalesce(detail, '') FROM audit_log WHERE action = ? AND target = ? AND id > ? ORDER BY id",
                String.class, action, target, auditMark);
    }

    @Test
    void anEditIsValidatedAuditedAndReachesTheGateway() throws Exception {
        String id = onboarded("10.9.0.31");
        int changesBefore = RegistryApiTest.ScriptedGateway.changes.get();

        HttpResponse<String> edited = technician.send("PUT", "/api/cameras/" + id, """
                {"name":"Cổng chợ Ninh Phước","communeId":"ninh-phuoc","location":"cột điện số 4","latitude":15.71,"longitude":108.11}""");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode camera = json.readTree(edited.body());
        assertThat(camera.get("name").asText()).isEqualTo("Cổng chợ Ninh Phước");
        assertThat(camera.get("communeId").asText()).isEqualTo("ninh-phuoc");
        assertThat(camera.get("commune").asText()).isEqualTo("Ninh Phước");
        assertThat(camera.get("location").asText()).isEqualTo("cột điện số 4");
        assertThat(camera.get("latitude").asDouble()).isEqualTo(15.71);
        assertThat(camera.get("enabled").asBoolean()).isTrue();
        // the registration onboarding learnt is untouched
        assertThat(camera.get("registration").get("passwordStored").asBoolean()).isTrue();
        assertThat(RegistryApiTest.ScriptedGateway.changes.get()).isGreaterThan(changesBefore);
        JsonNode assigned = assignment(id);
        assertThat(assigned.get("name").asText()).isEqualTo("Cổng chợ Ninh Phước");
        assertThat(assigned.get("communeId").asText()).isEqualTo("ninh-phuoc");
        assertThat(assigned.get("password").asText()).isEqualTo(PASSWORD);
        assertThat(audit("CAMERA_EDITED", id)).singleElement().asString()
                .contains("name: Cam 10.9.0.31 \u2192 Cổng chợ Ninh Phước").contains("commune: que-lam \u2192 ninh-phuoc")
                .doesNotContain("enabled");

        // switched off: the gateway no longer gets it; the registry still lists it
        HttpResponse<String> off = technician.send("PUT", "/api/cameras/" + id, """
                {"name":"Cổng chợ Ninh Phước","communeId":"ninh-phuoc","enabled":false}""");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json.readTree(off.body()).get("enabled").asBoolean()).isFalse();
        assertThat(json.readTree(off.body()).get("latitude").isNull()).as("a PUT replaces the position").isTrue();
        assertThat(assignment(id)).isNull();
        assertThat(technician.get("/api/cameras/" + id).statusCode()).isEqualTo(200);
        // absent "enabled" keeps it as it is
        technician.send("PUT", "/api/cameras/" + id, "{\"name\":\"Cổng chợ\",\"communeId\":\"ninh-phuoc\"}");
        assertThat(assignment(id)).isNull();
        technician.send("PUT", "/api/cameras/" + id, "{\"name\":\"Cổng chợ\",\"communeId\":\"ninh-phuoc\",\"enabled\":true}");
        assertThat(assignment(id).get("name").asText()).isEqualTo("Cổng chợ");
    }

    @Test
    void aBadEditIsRefusedWithWhatIsWrongAndChangesNothing() throws Exception {
        String id = onboarded("10.9.0.32");
        HttpResponse<String> atlantis = technician.send("PUT", "/api/cameras/" + id, "{\"name\":\"X\",\"communeId\":\"atlantis\"}");
        assertThat(atlantis.statusCode()).isEqualTo(400);
        assertThat(json.readTree(atlantis.body()).get("detail").asText()).isEqualTo("communeId: no commune 'atlantis'");

        HttpResponse<String> bad = technician.send("PUT", "/api/cameras/" + id,
                "{\"name\":\"  \",\"communeId\":\"que-lam\",\"latitude\":91,\"longitude\":200}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asText()).contains("name: ").contains("latitude: ")
                .contains("longitude: ");
        HttpResponse<String> half = technician.send("PUT", "/api/cameras/" + id,
                "{\"name\":\"X\",\"communeId\":\"que-lam\",\"latitude\":15.7}");
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(half.body()).contains("give both latitude and longitude");

        assertThat(jdbc.queryForObject("SELECT name FROM camera WHERE id = ?", String.class, id)).isEqualTo("Cam 10.9.0.32");
        assertThat(audit("CAMERA_EDITED", id)).isEmpty();
        assertThat(technician.send("PUT", "/api/cameras/no-such-camera", "{\"name\":\"X\",\"communeId\":\"que-lam\"}")
                .statusCode()).isEqualTo(404);
        // operators watch cameras, they do not edit them
        WebSession operator = signIn("operator");
        assertThat(operator.send("PUT", "/api/cameras/" + id, "{\"name\":\"X\",\"communeId\":\"que-lam\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anEditedInventoryCameraKeepsItsEditWhenTheInventoryIsReadAgain() throws Exception {
        String before = jdbc.queryForObject("SELECT name FROM camera WHERE id = 'QL-03'", String.class);
        try {
            assertThat(technician.send("PUT", "/api/cameras/QL-03", "{\"name\":\"Cầu tràn (mới)\",\"communeId\":\"que-loc\"}")
                    .statusCode()).isEqualTo(200);
            seeder.afterPropertiesSet();
            assertThat(jdbc.queryForObject("SELECT name FROM camera WHERE id = 'QL-03'", String.class)).isEqualTo("Cầu tràn (mới)");
        } finally {
            jdbc.update("UPDATE camera SET edited_at = NULL, location = NULL WHERE id = 'QL-03'");
            seeder.afterPropertiesSet();
        }
        assertThat(jdbc.queryForObject("SELECT name FROM camera WHERE id = 'QL-03'", String.class)).isEqualTo(before);
    }

    @Test
    void anAccountIsTriedWithoutStoringAndStoredOnlyOnceTheCameraTookIt() throws Exception {
        String id = onboarded("10.9.0.33");
        byte[] stored = jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = ?", byte[].class, id);

        HttpResponse<String> ok = technician.send("POST", "/api/cameras/" + id + "/credentials/test", "{}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("ok").asBoolean()).isTrue();
        assertThat(json.readTree(ok.body()).get("model").asText()).isEqualTo("DS-2CD2012-I");

        HttpResponse<String> wrong = technician.send("POST", "/api/cameras/" + id + "/credentials/test",
                "{\"username\":\"admin\",\"password\":\"guess\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrong.body()).get("problem").asText()).isEqualTo("BAD_CREDENTIALS");
        HttpResponse<String> notStored = technician.send("PUT", "/api/cameras/" + id + "/credentials",
                "{\"username\":\"admin\",\"password\":\"guess\"}");
        assertThat(notStored.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notStored.body()).get("problem").asText()).isEqualTo("BAD_CREDENTIALS");
        assertThat(jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = ?", byte[].class, id)).isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT username FROM camera WHERE id = ?", String.class, id)).isEqualTo("admin");

        // a right one tried in the body is still not stored
        assertThat(technician.send("POST", "/api/cameras/" + id + "/credentials/test",
                "{\"username\":\"tech2\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT username FROM camera WHERE id = ?", String.class, id)).isEqualTo("admin");

        // stored: re-sealed under this camera's id, and what the gateway gets
        HttpResponse<String> replaced = technician.send("PUT", "/api/cameras/" + id + "/credentials",
                "{\"username\":\"tech2\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json.readTree(replaced.body()).get("registration").get("username").asText()).isEqualTo("tech2");
        assertThat(replaced.body()).doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = ?", byte[].class, id)).isNotEqualTo(stored);
        assertThat(assignment(id).get("username").asText()).isEqualTo("tech2");
        assertThat(assignment(id).get("password").asText()).isEqualTo(PASSWORD);

        assertThat(audit("CAMERA_CREDENTIALS_TESTED", id)).containsExactly("stored account: OK",
                "account 'admin': BAD_CREDENTIALS", "account 'admin': BAD_CREDENTIALS", "account 'tech2': OK");
        assertThat(audit("CAMERA_CREDENTIALS_CHANGED", id)).containsExactly("account 'tech2' tested and stored");
        assertThat(jdbc.queryForList("SELECT coalesce(detail, '') FROM audit_log", String.class))
                .noneMatch(d -> d.contains(PASSWORD) || d.contains("guess"));
    }

    @Test
    void anAccountThatCannotBeTriedSaysWhy() throws Exception {
        // an inventory camera never onboarded has no ONVIF service to ask
        HttpResponse<String> never = technician.send("POST", "/api/cameras/QL-02/credentials/test", "{}");
        assertThat(never.statusCode()).isEqualTo(409);
        assertThat(never.body()).contains("onboard it with its ONVIF address first");
        assertThat(technician.send("POST", "/api/cameras/no-such/credentials/test", "{}").statusCode()).isEqualTo(404);
        assertThat(technician.send("PUT", "/api/cameras/QL-02/credentials", "{}").statusCode()).isEqualTo(400);

        // a stored password sealed for another camera (copied across rows) does not open
        String id = onboarded("10.9.0.34");
        jdbc.update("UPDATE camera SET password_secret = (SELECT password_secret FROM camera WHERE id = ?) WHERE id = 'QL-02'", id);
        try {
            String other = onboarded("10.9.0.35");
            jdbc.update("UPDATE camera SET password_secret = (SELECT password_secret FROM camera WHERE id = ?) WHERE id = ?", id, other);
            HttpResponse<String> lost = technician.send("POST", "/api/cameras/" + other + "/credentials/test", "{}");
            assertThat(lost.statusCode()).isEqualTo(409);
            assertThat(lost.body()).contains("does not decrypt").contains("give the account again");
            // a new account still works and heals the camera
            assertThat(technician.send("PUT", "/api/cameras/" + other + "/credentials",
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);
            assertThat(technician.send("POST", "/api/cameras/" + other + "/credentials/test", "{}").statusCode()).isEqualTo(200);
        } finally {
            jdbc.update("UPDATE camera SET password_secret = NULL WHERE id = 'QL-02'");
        }
        WebSession head = signIn("que-lam");
        assertThat(head.send("POST", "/api/cameras/" + id + "/credentials/test", "{}").statusCode()).isEqualTo(403);
    }

    private JsonNode importCsv(String csv) throws Exception {
        HttpResponse<String> started = technician.send("POST", "/api/cameras/import", "text/csv", csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(technician.get(location).body())
                .get("state").asText().equals("DONE"));
        return json.readTree(technician.get(location).body());
    }

    @Test
    void anImportOnboardsEachRowOrSaysWhyNotAndStoresNothingOfARefusedRow() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class);
        String csv = "\ufeff" + HEADER + "\r\n"
                + "\"imp-01\",\"Chợ, cổng chính\",\"Quế Lâm\",\"ONLINE\",\"\",\"\",\"\",\"\",\"10.9.0.41\",\"\",\"15.76\",\"108.05\",\"admin\",\"" + PASSWORD + "\"\r\n"
                + "imp-02,Trạm bơm,que-lam,,,,,,10.9.0.42,,,,admin,wrong\r\n"
                + "imp-03,Xa quá,que-lam,,,,,,10.9.0.43,,95,108,admin," + PASSWORD + "\r\n"
                + "imp-04,Đâu đó,atlantis,,,,,,10.9.0.44,,,,admin," + PASSWORD + "\r\n"
                + "imp-05,Không địa chỉ,que-lam,,,,,,,,,,admin," + PASSWORD + "\r\n";
        JsonNode done = importCsv(csv);
        assertThat(done.get("total").asInt()).isEqualTo(5);
        assertThat(done.get("onboarded").asInt()).isEqualTo(1);
        assertThat(done.get("refused").asInt()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        done.get("rows").forEach(r -> rows.add(r.get("line").asInt() + " " + r.get("cameraId").asText() + " "
                + (r.get("ok").asBoolean() ? "OK" : r.get("problem").asText())));
        assertThat(rows).containsExactly("2 imp-01 OK", "3 imp-02 BAD_CREDENTIALS", "4 imp-03 INVALID",
                "5 imp-04 INVALID", "6 imp-05 INVALID");
        assertThat(done.get("rows").get(1).get("message").asText()).contains("refused the user name or password");
        assertThat(done.get("rows").get(2).get("message").asText()).startsWith("latitude: ");
        assertThat(done.get("rows").get(3).get("message").asText()).contains("atlantis");
        assertThat(done.get("rows").get(4).get("message").asText()).startsWith("device_service: ");

        // the good row is a camera like any onboarded one; nothing of the others is stored
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class)).isEqualTo(before + 1);
        JsonNode camera = json.readTree(technician.get("/api/cameras/imp-01").body());
        assertThat(camera.get("name").asText()).isEqualTo("Chợ, cổng chính");
        assertThat(camera.get("communeId").asText()).isEqualTo("que-lam");
        assertThat(camera.get("registration").get("serialNumber").asText()).isEqualTo("SN-10.9.0.41");
        assertThat(assignment("imp-01").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = 'imp-01' AND id > ?", String.class, auditMark))
                .contains("CAMERA_ONBOARDED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'CAMERA_IMPORT' AND target = ?",
                Integer.class, "import " + done.get("id").asText())).isEqualTo(1);
    }

    @Test
    void aMalformedFileIsRefusedWholeNamingTheLineAndColumn() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class);
        HttpResponse<String> noPassword = technician.send("POST", "/api/cameras/import", "text/csv",
                "id,name,commune,device_service,latitude,longitude,username\nimp-01,A,que-lam,10.9.0.41,,,admin\n");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(noPassword.body());
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("column").asText()).isEqualTo("password");
        assertThat(problem.get("detail").asText()).startsWith("line 1, column password: missing column");

        HttpResponse<String> badNumber = technician.send("POST", "/api/cameras/import", "text/csv", HEADER + "\n"
                + "imp-01,A,que-lam,,,,,,10.9.0.41,,15.7,108,admin," + PASSWORD + "\n"
                + "\"imp-02\",\"B, with a\nline break\",que-lam,,,,,,10.9.0.42,,15.7,108,admin,x\n"
                + "imp-03,C,que-lam,,,,,,10.9.0.43,,15°45',108,admin," + PASSWORD + "\n");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        problem = json.readTree(badNumber.body());
        assertThat(problem.get("line").asInt()).as("the quoted line break counts").isEqualTo(5);
        assertThat(problem.get("column").asText()).isEqualTo("latitude");
        assertThat(problem.get("detail").asText()).contains("'15°45'' is not a number");

        HttpResponse<String> short_ = technician.send("POST", "/api/cameras/import", "text/csv", HEADER + "\nimp-01,A,que-lam\n");
        assertThat(short_.statusCode()).isEqualTo(400);
        assertThat(short_.body()).contains("line 2: 3 cells, but the header has 14");
        assertThat(technician.send("POST", "/api/cameras/import", "text/csv", "").statusCode()).isEqualTo(400);
        assertThat(technician.send("POST", "/api/cameras/import", "text/csv", "id,nme\n").body()).contains("column nme: unknown column");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class)).isEqualTo(before);
        assertThat(technician.get("/api/cameras/imports/no-such-import").statusCode()).isEqualTo(404);
        WebSession operator = signIn("operator");
        assertThat(operator.send("POST", "/api/cameras/import", "text/csv", HEADER + "\n").statusCode()).isEqualTo(403);
    }
}
