package io.canhgac.district;

import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.gateway.GatewayRegistry;
import io.canhgac.simulator.link.LinkRelay;
import io.canhgac.simulator.link.LinkRelays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The communes topology: for every commune with cameras, a gateway registered at the centre holding
 * that commune, a link relay between it and the centre, and a {@code GatewayMain} process of its own
 * that reaches the centre only through that relay. The centre never dials a gateway.
 */
final class CommuneGateways implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommuneGateways.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DistrictInventory inventory;
    private final DistrictProperties.CommuneGateways settings;
    private final LinkRelays relays;
    private final GatewayRegistry gateways;
    private final Map<String, GatewayProcess> processes = new LinkedHashMap<>();

    CommuneGateways(DistrictInventory inventory, DistrictProperties.CommuneGateways settings, LinkRelays relays,
                    GatewayRegistry gateways) {
        this.inventory = inventory;
        this.settings = settings;
        this.relays = relays;
        this.gateways = gateways;
    }

    /** @param centrePort where the centre's web server listens on loopback */
    synchronized void start(int centrePort) throws IOException, InterruptedException {
        for (Commune commune : inventory.communes()) {
            int cameras = (int) inventory.cameras().stream().filter(c -> c.commune().equals(commune.id())).count();
            if (cameras > 0) {
                processes.put(commune.id(), startCommune(commune, cameras, centrePort));
            }
        }
        log.info("Communes topology: {} commune gateways, each behind its own link ({})", processes.size(),
                String.join(", ", processes.keySet()));
    }

    private GatewayProcess startCommune(Commune commune, int cameras, int centrePort) throws IOException, InterruptedException {
        // a fresh token every start: only the process started here learns it, through its environment
        String token = newToken();
        Gateway gateway = gateways.registerBuiltIn(commune.id(), token);
        gateways.bind(gateway.id(), List.of(commune.id()), "system", null);
        LinkRelay relay = relays.create(commune.id(), new InetSocketAddress("127.0.0.1", centrePort));
        if (settings.linkKbits() > 0) {
            relay.rate(settings.linkKbits() * 1000, settings.linkKbits() * 1000);
        }
        if (!settings.linkDelay().isZero()) {
            relay.delay(settings.linkDelay().toMillis(), 0);
        }
        Path dir = Path.of(settings.dataDir()).resolve(commune.id()).toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(
                "--service", "http://127.0.0.1:" + relay.address().getPort(),
                "--outbox", dir.resolve("outbox").toString(),
                "--media-spool", dir.resolve("media-spool").toString(),
                // the demo records the substream into a small quota: a laptop's disk, not a commune's
                "--recording", dir.resolve("recordings").toString(), "--recording-stream", "sub",
                "--recording-quota-mb", "512", "--recording-days", "2", "--recording-free-mb", "1024",
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        if (settings.linkKbits() > 0) {
            // media may use half of a capped link: events, snapshots and live view keep the rest
            args.addAll(List.of("--media-kbps", Long.toString(Math.max(1, settings.linkKbits() / 2))));
        }
        List<String> command = GatewayCommand.of(jvmOptions(cameras), args);
        return new GatewayProcess(commune.id(), command, Map.of("CANHGAC_GATEWAY_TOKEN", token), dir.resolve("gateway.log"),
                settings.restartDelay()).start();
    }

    /** README's gateway options: a small start, 3 MB of heap per camera and no less than the setting, serial GC. */
    private List<String> jvmOptions(int cameras) {
        long heapMb = Math.max(settings.heap().toMegabytes(), 3L * cameras);
        return List.of("-Xms32m", "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "cgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The commune gateway's process id now; empty while it is being restarted or for an unknown commune. */
    synchronized OptionalLong pid(String commune) {
        GatewayProcess p = processes.get(commune);
        return p == null ? OptionalLong.empty() : p.pid();
    }

    synchronized int starts(String commune) {
        GatewayProcess p = processes.get(commune);
        return p == null ? 0 : p.starts();
    }

    synchronized List<String> communes() {
        return List.copyOf(processes.keySet());
    }

    @Override
    public synchronized void destroy() {
        processes.values().parallelStream().forEach(GatewayProcess::close);
        processes.clear();
    }
}
