package io.canhgac.gateway;

import io.canhgac.gateway.onvif.OnvifClientSettings;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a gateway on its own, e.g. one per commune: {@code GatewayMain --service https://district:8080 --token T}
 * pulls and watches the cameras the district's registry lists; {@code --camera ID=URL} (repeatable)
 * adds streams by hand, outside the registry. The token can also come from CANHGAC_GATEWAY_TOKEN.
 * Event snapshots and clips wait in the media spool ({@code --media-spool DIR}, default
 * {@code media-spool}; {@code none} for no media) and cross the link in resumable chunks under a budget
 * ({@code --media-kbps N}, default 512; 0 for unlimited). A site that keeps its own inventory (Quế Trung)
 * adds {@code --inventory FILE}: the gateway onboards those cameras itself and announces them to the
 * centre, which makes them this gateway's ({@code --onvif-port N} for hosts written without a port).
 * Every camera is recorded around the clock into {@code --recording DIR} (default {@code recordings};
 * {@code none} for no recording): see {@link GatewayArguments#recording()} for its options.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    /** The gateway's own log settings, unless the operator names others with -Dlogback.configurationFile. */
    static final String LOG_CONFIG = "canhgac-gateway-logback.xml";

    /**
     * Checks a command line as a start would, without starting anything (the systemd unit's test):
     * throws IllegalArgumentException saying what is wrong; returns the outbox folder it would use.
     */
    public static java.nio.file.Path checkArguments(String[] args, String envToken) {
        return GatewayArguments.parse(args, envToken).outbox();
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOG_CONFIG); // before the first logger is made
        }
        GatewayArguments arguments;
        try {
            arguments = GatewayArguments.parse(args, System.getenv("CANHGAC_GATEWAY_TOKEN"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(GatewayArguments.USAGE);
            System.exit(2);
            return;
        }
        GatewayAssembly gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(arguments.settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }));
        if (arguments.parentPid() != null) {
            // started by the all-in-one: a gateway must not outlive it (nobody would stop it)
            ProcessHandle.of(arguments.parentPid()).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        stopped.await();
    }
}
