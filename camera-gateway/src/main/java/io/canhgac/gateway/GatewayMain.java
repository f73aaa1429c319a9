package io.canhgac.gateway;

import io.canhgac.gateway.onvif.OnvifClientSettings;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a gateway on its own, e.g. one per commune: {@code GatewayMain --service https://district:8080 --token T}
 * pulls and watches the cameras the district's registry lists; {@code --camera ID=URL} (repeatable)
 * adds streams by hand, outside the registry. The token can also come from CANHGAC_GATEWAY_TOKEN.
 * Event snapshots and clips wait in the media spool ({@code --media-spool DIR}, default
 * {@code media-spool}; {@code none} for no media). A site that keeps its own inventory (Quế Trung)
 * adds {@code --inventory FILE}: the gateway onboards those cameras itself and announces them to the
 * centre, which makes them this gateway's ({@code --onvif-port N} for hosts written without a port).
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
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
        stopped.await();
    }
}
