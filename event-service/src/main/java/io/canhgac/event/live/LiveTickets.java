package io.canhgac.event.live;

import io.canhgac.contract.live.LiveTicketIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/** Signs live view tickets; the live server in this process verifies them with {@link #secret()}. */
@Component
@EnableConfigurationProperties(LiveProperties.class)
public class LiveTickets {

    private static final Logger log = LoggerFactory.getLogger(LiveTickets.class);

    private final byte[] secret;
    private final LiveTicketIssuer issuer;

    LiveTickets(LiveProperties properties) {
        if (properties.secret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("No canhgac.live.secret configured: live tickets are good for this process's live server only");
        } else if (properties.secret().length() < 32) {
            throw new IllegalStateException("canhgac.live.secret must be 32 characters or more");
        } else {
            secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        issuer = new LiveTicketIssuer(secret, Clock.systemUTC(), properties.validity());
    }

    /** The HMAC key the live server's verifier needs. */
    public byte[] secret() {
        return secret.clone();
    }

    String issue(String cameraId, String stream, String user) {
        return issuer.issue(cameraId, stream, user);
    }
}
