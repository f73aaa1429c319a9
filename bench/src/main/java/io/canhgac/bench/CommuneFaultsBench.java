package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code -Dbench=communes}: the Nông Sơn district as it is deployed, in the communes topology (the
 * all-in-one jar in a process of its own: the centre, the 46 simulated cameras, one gateway process per
 * commune behind its own relay), measured from outside:
 * <ol>
 *   <li>the WAN budget, counted by the relays: per camera with no motion (every scene idle), with the
 *       scripted motion of the demo, during one live viewer, against pulling every substream;</li>
 *   <li>Quế Lộc's link cut for 10 minutes under the load of all 46 cameras, its gateway SIGKILLed mid-cut;</li>
 *   <li>a camera's stream killed and restored 100 times, the gateway's threads, descriptors and memory;</li>
 *   <li>a day of a commune's events, snapshots and clips delivered after a day's outage.</li>
 * </ol>
 * Lengths: {@code -Dbench.wanMinutes} (5), {@code -Dbench.cutMinutes} (10), {@code -Dbench.streamKills} (100).
 */
final class CommuneFaultsBench {

    private static final String COMMUNE = "que-loc";

    static boolean run() throws Exception {
        Duration wan = Duration.ofMinutes(Long.getLong("bench.wanMinutes", 5));
        Duration cut = Duration.ofMinutes(Long.getLong("bench.cutMinutes", 10));
        int kills = Integer.getInteger("bench.streamKills", 100);
        DistrictInventory demo = new DistrictInventoryLoader().loadDemo();
        List<String> queLoc = demo.cameras().stream().filter(c -> c.commune().equals(COMMUNE)).map(CameraSpec::id).toList();
        Path work = Files.createTempDirectory("bench-communes-");
        System.out.println("Communes topology, " + demo.cameras().size() + " cameras in " + demo.communes().size()
                + " communes, started " + Instant.now() + "; work in " + work);

        double idle;
        Path idleInventory = idleInventory(work);
        try (DistrictChild district = DistrictChild.start(work.resolve("idle"), idleInventory)) {
            district.awaitDistrict(demo.cameras().size(), Duration.ofMinutes(6));
            Thread.sleep(30_000); // registration, first status reports and figures settle
            idle = WanBudget.kbitsPerCamera(district, demo, wan);
        }
        System.out.printf("WAN, no motion: %.2f kbit/s per camera (%.1f MB per camera per hour), target <= 5%n", idle, idle * 3600 / 8000);

        boolean good = idle <= 5;
        try (DistrictChild district = DistrictChild.start(work.resolve("demo"), null)) {
            district.awaitDistrict(demo.cameras().size(), Duration.ofMinutes(6));
            Thread.sleep(60_000);
            double motion = WanBudget.kbitsPerCamera(district, demo, wan);
            double[] viewer = WanBudget.oneLiveViewer(district, COMMUNE, queLoc.get(0), Duration.ofSeconds(60));
            double pulling = WanBudget.pullingSubstreams(demo, COMMUNE, 8554, Duration.ofSeconds(60));
            System.out.printf("WAN, scripted motion: %.2f kbit/s per camera (%.1f MB per camera per hour)%n", motion, motion * 3600 / 8000);
            System.out.printf("WAN, one live viewer of %s: %.0f kbit/s through %s's link, %.0f without the viewer: %.0f kbit/s for the one"
                    + " substream%n", queLoc.get(0), viewer[0], COMMUNE, viewer[1], viewer[0] - viewer[1]);
            System.out.printf("WAN, pulling every substream to the centre instead: %.0f kbit/s per camera (%.0f MB per camera per hour),"
                    + " %.0f x the scripted-motion figure%n", pulling, pulling * 3600 / 8000, pulling / motion);

            CommuneOutage.CutFigures outage = CommuneOutage.cut(district, COMMUNE, queLoc, cut);
            System.out.printf("Cut of %s for %d min, gateway SIGKILLed mid-cut: %d motion starts stored of %d expected at the pace"
                            + " before; %d duplicates; first alert %.2f s after the return (target 5 s); backlog in %.1f s%n",
                    COMMUNE, cut.toMinutes(), outage.stored(), outage.expected(), outage.duplicates(),
                    outage.alertAfterReturn().toMillis() / 1000.0, outage.drained() == null ? -1 : outage.drained().toMillis() / 1000.0);
            good &= outage.duplicates() == 0 && outage.alertAfterReturn().toSeconds() < 5 && outage.stored() >= outage.expected() * 0.95;

            CommuneOutage.StreamKills streams = CommuneOutage.streamKills(district, "son-vien", "SV-01", kills);
            System.out.printf("Stream of SV-01 killed and restored %d times: back within %.2f s at worst, %.2f s median (target 5 s)%n",
                    kills, streams.worst().toMillis() / 1000.0,
                    streams.returns().stream().sorted().toList().get(streams.returns().size() / 2).toMillis() / 1000.0);
            String[] when = {"start", "middle", "end"};
            for (int i = 0; i < streams.process().size(); i++) {
                long[] p = streams.process().get(i);
                System.out.printf("  son-vien gateway at the %s: %d threads, %d file descriptors, %d MB resident%n", when[i], p[0], p[1], p[2] / 1024);
            }
            good &= streams.worst().toSeconds() < 5;

            DayOutageDrain.Figures day = DayOutageDrain.run(district, queLoc, work);
            System.out.printf("A day's outage of %s, time-compressed: %d of %d events and %d of %d snapshots and clips (%d MB) stored,"
                            + " %d set aside; events in %.1f s, media in %.1f s over an unlimited link (%d MB crossed it; at 2 Mbit/s"
                            + " that is %d min, at 256 kbit/s %.1f h)%n", COMMUNE, day.events(), day.eventsMade(), day.media(),
                    day.mediaMade(), day.mediaKilobytes() >> 10, day.setAside(), day.eventsIn().toMillis() / 1000.0,
                    day.mediaIn().toMillis() / 1000.0, day.linkBytes() >> 20, day.at(2000).toMinutes(), day.at(256).toMinutes() / 60.0);
            good &= day.events() == day.eventsMade() && day.media() == day.mediaMade();
        }
        System.out.println(good ? "Communes benchmark: every target met" : "Communes benchmark: some target NOT met (see above)");
        return good;
    }

    /** The demo district with every scene idle: what crosses the links when nothing moves. */
    private static Path idleInventory(Path work) throws Exception {
        String demo = new String(CommuneFaultsBench.class.getClassLoader()
                .getResourceAsStream(DistrictInventoryLoader.DEMO_RESOURCE).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Path file = work.resolve("nong-son-idle.yaml");
        Files.writeString(file, demo.replaceAll("scene: [a-z-]+", "scene: idle"));
        return file;
    }

    private CommuneFaultsBench() {
    }
}
