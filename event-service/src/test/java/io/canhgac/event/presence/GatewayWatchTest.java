package io.canhgac.event.presence;

import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.event.alert.AlertKind;
import io.canhgac.event.alert.GatewayAlerts;
import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.gateway.GatewayRegistry;
import io.canhgac.event.link.LinkState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The watch's rules without a server: one alert per condition, and a failing database only delays it. */
class GatewayWatchTest {

    static final Instant STARTED = Instant.parse("2026-11-22T01:00:00Z");
    static final Duration SILENT_AFTER = Duration.ofSeconds(90);

    private final GatewayPresence presence = mock(GatewayPresence.class);
    private final GatewayRegistry registry = mock(GatewayRegistry.class);
    private final GatewayAlerts alerts = mock(GatewayAlerts.class);
    private final GatewayWatch watch = new GatewayWatch(presence, registry, alerts, new PresenceProperties(SILENT_AFTER,
            Duration.ofSeconds(10)));
    private final UUID id = UUID.randomUUID();
    private final Gateway holding = new Gateway(id, "que-loc", true, STARTED, "admin", null, null, null, List.of("que-loc"));

    @BeforeEach
    void startedAnHourAgo() {
        when(presence.startedAt()).thenReturn(STARTED);
        when(presence.now()).thenReturn(STARTED.plusSeconds(3600));
    }

    private static GatewaySighting silentSince(Gateway gateway, Instant lastContact) {
        return new GatewaySighting(gateway, null, lastContact, true);
    }

    private static GatewaySighting connected(Gateway gateway, GatewayStatus status) {
        Instant now = STARTED.plusSeconds(3600);
        return new GatewaySighting(gateway, new LinkState(gateway.id(), gateway.name(), now, now, "127.0.0.1", "dev", status),
                now, true);
    }

    @Test
    void aDatabaseErrorIsLoggedAndTheNextLookRaisesTheAlertOnce() {
        Instant lastContact = STARTED.plusSeconds(1000);
        when(presence.sightings()).thenThrow(new DataAccessResourceFailureException("database down"))
                .thenReturn(List.of(silentSince(holding, lastContact)));
        when(alerts.raise(eq(id), eq(AlertKind.GATEWAY_SILENT), any(), any()))
                .thenThrow(new DataAccessResourceFailureException("database down")).thenReturn(true);

        assertThatCode(watch::check).as("the gateways cannot be read").doesNotThrowAnyException();
        assertThatCode(watch::check).as("the alert cannot be stored").doesNotThrowAnyException();
        watch.check();
        watch.check();
        // tried twice: once failed, once stored; not again while the condition lasts
        verify(alerts, times(2)).raise(id, AlertKind.GATEWAY_SILENT, STARTED.plusSeconds(3600), lastContact);
    }

    @Test
    void aGatewayHeardAgainIsClearedOnceAndAnOutboxAlarmFollowsItsReports() {
        GatewayStatus full = new GatewayStatus(STARTED, 4, 50_000, 1 << 24, STARTED, 0, true, 0, 0, 0, 50_000);
        GatewayStatus drained = new GatewayStatus(STARTED, 4, 0, 0, null, 0, false, 0, 0, 0, 50_000);
        when(presence.sightings()).thenReturn(List.of(silentSince(holding, STARTED)))
                .thenReturn(List.of(connected(holding, full)))
                .thenReturn(List.of(connected(holding, full)))
                .thenReturn(List.of(connected(holding, drained)));
        when(alerts.raise(any(), any(), any(), any())).thenReturn(true);
        for (int i = 0; i < 4; i++) {
            watch.check();
        }
        verify(alerts, times(1)).raise(eq(id), eq(AlertKind.GATEWAY_SILENT), any(), any());
        verify(alerts, times(1)).clear(eq(id), eq(AlertKind.GATEWAY_SILENT), eq("gateway heard again"), any());
        verify(alerts, times(1)).raise(eq(id), eq(AlertKind.GATEWAY_OUTBOX), any(), eq(STARTED));
        verify(alerts, times(1)).clear(eq(id), eq(AlertKind.GATEWAY_OUTBOX), anyString(), any());
        verify(registry, times(3)).heard(id);
    }

    @Test
    void withinSilentAfterOfTheCentresStartNothingIsRaisedAndAGatewayHoldingNothingNeverIs() {
        when(presence.now()).thenReturn(STARTED.plusSeconds(60));
        Gateway idle = new Gateway(UUID.randomUUID(), "spare", true, STARTED, "admin", null, null, null, List.of());
        when(presence.sightings()).thenReturn(List.of(silentSince(holding, STARTED.minusSeconds(86_400)),
                new GatewaySighting(idle, null, null, false)));
        watch.check();
        verify(alerts, never()).raise(any(), any(), any(), any());
        when(presence.now()).thenReturn(STARTED.plusSeconds(91));
        watch.check();
        verify(alerts, times(1)).raise(eq(id), eq(AlertKind.GATEWAY_SILENT), any(), eq(STARTED.minusSeconds(86_400)));
        verify(alerts, never()).raise(eq(idle.id()), any(), any(), isNull());
    }
}
