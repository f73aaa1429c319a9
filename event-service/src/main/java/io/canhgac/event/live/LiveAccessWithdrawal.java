package io.canhgac.event.live;

import io.canhgac.event.user.AccessWithdrawn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A person disabled or changed: their live views at the centre's live server close at once, and the
 * tickets they already hold stop opening new ones. (A gateway's own live server, reached directly
 * when {@code canhgac.live.url} points at it, is not told: its viewers end when their ticket would
 * be asked for again.)
 */
@Component
class LiveAccessWithdrawal {

    private final ObjectProvider<LiveServer> inProcess;
    private final LiveProperties properties;

    LiveAccessWithdrawal(ObjectProvider<LiveServer> inProcess, LiveProperties properties) {
        this.inProcess = inProcess;
        this.properties = properties;
    }

    @EventListener
    void withdrawn(AccessWithdrawn withdrawn) {
        // every ticket issued so far expires by now + validity; one issued after the person signs in again, later
        Instant issuedSoFar = Instant.now().plus(properties.validity());
        inProcess.ifAvailable(server -> server.endViewsOf(withdrawn.username(), issuedSoFar));
    }
}
