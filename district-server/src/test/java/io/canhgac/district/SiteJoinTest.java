package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.event.WebSession;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.site.SiteInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue point 7: Quế Trung runs its own system and joins as a site of its own. The admin registers its
 * gateway and nothing more; the gateway, started with Quế Trung's inventory file, onboards its two
 * cameras itself and announces them, and the centre shows them in commune Quế Trung, held by that
 * gateway, pulled through the registry (stream figures arrive) without a technician onboarding them.
 */
class SiteJoinTest extends CommuneGatewayTestBase {

    static final Path QUE_TRUNG = Path.of("../config/src/main/resources/district/que-trung.yaml");

    /** Quế Trung's two cameras on their own loopback addresses (127.0.60.x), free ports, ONVIF on. */
    private CameraSimulator queTrungCameras(DistrictInventory site) throws Exception {
        return closeAfter(CameraSimulator.start(site, new SimulatorOptions(true, "127.0.0.1", 0, false, true,
                Path.of("target/scene-cache"), name -> IDLE, 0, false)));
    }

    /** The site's file as its gateway reads it, each host written as its camera's device service (free ports here). */
    private static DistrictInventory reachedAt(DistrictInventory site, CameraSimulator cameras) {
        List<CameraSpec> specs = new ArrayList<>();
        for (CameraSpec c : site.cameras()) {
            String onvif = cameras.camera(c.id()).onvifUrl().orElseThrow();
            specs.add(new CameraSpec(c.id(), c.name(), c.commune(), c.latitude(), c.longitude(), onvif, c.manufacturer(),
                    c.model(), c.ptz(), c.username(), c.password(), c.scene(), c.phaseSeconds(), c.streamUrl()));
        }
        return new DistrictInventory(site.district(), site.timezone(), site.communes(), specs);
    }

    private Map<String, JsonNode> cameras(WebSession who) throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        json.readTree(who.get("/api/cameras").body()).forEach(c -> byId.put(c.get("id").asText(), c));
        return byId;
    }

    private JsonNode status(WebSession who, String gateway) throws Exception {
        for (JsonNode g : json.readTree(who.get("/api/gateways/status").body()).get("gateways")) {
            if (g.get("name").asText().equals(gateway)) {
                return g;
            }
        }
        return null;
    }

    @Test
    void queTrungsGatewayBringsItsOwnCamerasAndTheCentreShowsThemAsItsOwn() throws Exception {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        DistrictInventory site = new DistrictInventoryLoader().load(QUE_TRUNG);
        CameraSimulator simulated = queTrungCameras(site);

        // the admin registers the gateway, giving it no commune: the site's file says which
        JsonNode registered = registerGateway(admin, "que-trung");
        assertThat(registered.at("/gateway/communes").toString()).isEqualTo("[]");
        GatewayAssembly gateway = startGateway(gatewaySettings(registered.get("token").asText())
                .withSite(new SiteInventory(reachedAt(site, simulated), SiteInventory.DEFAULT_ONVIF_PORT)));

        Map<String, JsonNode> listed = await().atMost(Duration.ofSeconds(60)).until(() -> cameras(technician),
                m -> m.containsKey("QT-01") && m.containsKey("QT-02")
                        && m.values().stream().filter(c -> c.get("id").asText().startsWith("QT-"))
                        .allMatch(c -> !c.get("registration").isNull()));
        for (String id : List.of("QT-01", "QT-02")) {
            JsonNode c = listed.get(id);
            assertThat(c.get("communeId").asText()).as(id).isEqualTo("que-trung");
            assertThat(c.get("commune").asText()).as(id).isEqualTo("Quế Trung");
            assertThat(c.get("gateway").asText()).as(id).isEqualTo("que-trung");
            assertThat(c.at("/registration/deviceService").asText()).as(id).contains("127.0.60.");
            assertThat(c.at("/registration/passwordStored").asBoolean()).as(id).isTrue();
        }
        assertThat(listed.get("QT-01").get("name").asText()).isEqualTo("Trung tâm hành chính huyện");
        assertThat(listed.get("QT-01").at("/registration/ptz").asBoolean()).isTrue();
        assertThat(listed.get("LQL-1").path("gateway").asText()).as("the district's own communes are not Quế Trung's").isNotEqualTo("que-trung");

        // the gateway pulls them through the registry like any other: their stream figures arrive
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.assignment("QT-01").isPresent()
                && gateway.assignment("QT-02").isPresent());
        for (String id : List.of("QT-01", "QT-02")) {
            JsonNode stats = await().atMost(Duration.ofSeconds(30)).until(
                    () -> json.readTree(technician.get("/api/cameras/" + id + "/stream-stats").body()),
                    s -> s.get("reported").asBoolean() && s.get("framesPerSecond").asDouble() > 0);
            assertThat(stats.get("gateway").asText()).as(id).isEqualTo("que-trung");
        }

        // nobody onboarded them at the centre: the audit holds the gateway's announcement, not a technician's onboarding
        JsonNode audit = json.readTree(admin.get("/api/audit?limit=500").body());
        List<String> onboarded = new ArrayList<>();
        List<String> announced = new ArrayList<>();
        audit.forEach(e -> {
            if (e.get("action").asText().equals("CAMERA_ONBOARDED")) onboarded.add(e.get("target").asText());
            if (e.get("action").asText().equals("INVENTORY_ANNOUNCED")) announced.add(e.get("username").asText());
        });
        assertThat(onboarded).doesNotContain("QT-01", "QT-02");
        assertThat(announced).isNotEmpty().allMatch("gateway:que-trung"::equals);

        // the status route: connected, holding Quế Trung, two cameras registered and two pulled
        JsonNode up = await().atMost(Duration.ofSeconds(15)).until(() -> status(technician, "que-trung"),
                g -> g != null && g.get("connected").asBoolean() && g.at("/cameras/pulling").asInt() == 2);
        assertThat(up.get("state").asText()).isEqualTo("CONNECTED");
        assertThat(up.at("/communes/0/id").asText()).isEqualTo("que-trung");
        assertThat(up.at("/cameras/registered").asInt()).isEqualTo(2);
        assertThat(up.get("lastContact").isNull()).isFalse();
    }
}
