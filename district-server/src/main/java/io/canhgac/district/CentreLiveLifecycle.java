package io.canhgac.district;

import io.canhgac.event.live.LiveServer;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.live.LiveViewServer;
import io.canhgac.gateway.live.TicketVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The centre's live server: the district's one live port in every topology, whose address the
 * tickets carry. It serves each camera from where {@link CentreLiveSources} finds it (a commune's
 * gateway over its link, or the gateway in this process) with the same fan-out either way: one
 * pull per watched stream, so one copy crosses a commune's link however many watch. Recordings
 * play back through it too, one gateway session per viewer.
 */
final class CentreLiveLifecycle implements LiveServer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CentreLiveLifecycle.class);

    private final DistrictProperties.Live properties;
    /** Null when it could not start: the rest of the centre works without live view. */
    private final LiveViewServer server;

    /** @param ticketSecret the key the event-service signs live view tickets with */
    CentreLiveLifecycle(DistrictProperties.Live properties, CentreLiveSources sources, byte[] ticketSecret) {
        this.properties = properties;
        this.server = start(properties, sources, ticketSecret);
    }

    private static LiveViewServer start(DistrictProperties.Live properties, CentreLiveSources sources, byte[] ticketSecret) {
        try {
            LiveViewServer server = LiveViewServer.start(new InetSocketAddress(properties.address(), properties.port()), sources,
                    sources, new TicketVerifier(ticketSecret), LiveSettings.DEFAULTS.withLinger(properties.linger()), fragment -> { });
            log.info("Live view on {}:{}", properties.address(), server.port());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty rethrows a taken port's BindException unchecked by the compiler
            log.error("Live view not started on port {}: {}", properties.port(), e.toString());
        }
        return null;
    }

    @Override
    public int port() {
        return server == null ? properties.port() : server.port();
    }

    @Override
    public void endViewsOf(String user, Instant ticketsExpiringBy) {
        if (server != null) {
            int closed = server.endViewsOf(user, ticketsExpiringBy);
            log.info("Live view: access of {} withdrawn, {} open view(s) closed", user, closed);
        }
    }

    /** The live views the person has open now. */
    int openViewsOf(String user) {
        return server == null ? 0 : server.openViewsOf(user);
    }

    /** Camera streams pulled now (watched, or in their linger time). */
    int runningPulls() {
        return server == null ? 0 : server.runningPulls();
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
