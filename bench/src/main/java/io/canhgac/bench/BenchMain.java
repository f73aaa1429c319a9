package io.canhgac.bench;

/** Runs one benchmark by name and prints its figures. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "simulator";
        switch (name) {
            case "simulator" -> {
                if (!SimulatorServingBench.run()) {
                    System.exit(1); // after run() has stopped the simulator it started
                }
            }
            case "ingest" -> {
                if (!IngestCostBench.run()) {
                    System.exit(1);
                }
            }
            case "capacity" -> {
                if (!CapacityBench.run()) {
                    System.exit(1);
                }
            }
            case "profile" -> {
                if (!ProfileBench.run()) {
                    System.exit(1);
                }
            }
            case "fanout" -> {
                if (!FanoutBench.run()) {
                    System.exit(1);
                }
            }
            case "accuracy" -> {
                if (!io.canhgac.bench.accuracy.AccuracyBench.run()) {
                    System.exit(1);
                }
            }
            case "motion-compare" -> {
                if (!MotionCompareBench.run()) {
                    System.exit(1);
                }
            }
            case "event-ingest" -> {
                if (!EventIngestBench.run()) {
                    System.exit(1);
                }
            }
            case "incident-log" -> {
                if (!IncidentLogQueryBench.run()) {
                    System.exit(1);
                }
            }
            case "incident-list" -> {
                if (!IncidentListQueryBench.run()) {
                    System.exit(1);
                }
            }
            case "camera-health" -> {
                if (!CameraHealthQueryBench.run()) {
                    System.exit(1);
                }
            }
            case "recording" -> {
                if (!RecordingBench.run()) {
                    System.exit(1);
                }
            }
            case "nodes" -> {
                if (!NodesBench.run()) {
                    System.exit(1);
                }
            }
            case "communes" -> {
                if (!CommuneFaultsBench.run()) {
                    System.exit(1);
                }
            }
            case "playback-latency" -> {
                if (!PlaybackLatencyBench.run()) {
                    System.exit(1);
                }
            }
            default -> {
                System.err.println("unknown benchmark '" + name + "'; known: simulator, ingest, capacity, fanout, communes, nodes, accuracy, motion-compare, event-ingest, incident-log, incident-list, camera-health, playback-latency, recording, profile");
                System.exit(2);
            }
        }
    }
}
