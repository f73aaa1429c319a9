package io.canhgac.event.recording;

import io.canhgac.event.incident.IncidentClosed;
import io.canhgac.event.link.GatewayLinks;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Holds kept for an incident are released when it is closed; a gateway offline then is told when
 * its link comes back, so no hold is forgotten. Off the request and link threads: each release is
 * a round trip to a commune.
 */
@Component
class RecordingHoldRelease implements DisposableBean {

    private final RecordingExports exports;
    private final ExecutorService releasing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recording-hold-release");
        t.setDaemon(true);
        return t;
    });

    RecordingHoldRelease(RecordingExports exports) {
        this.exports = exports;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void closed(IncidentClosed closed) {
        releasing.execute(exports::releaseClosed);
    }

    @EventListener
    void connected(GatewayLinks.Connected connected) {
        releasing.execute(exports::releaseClosed);
    }

    @Override
    public void destroy() {
        releasing.shutdownNow();
    }
}
