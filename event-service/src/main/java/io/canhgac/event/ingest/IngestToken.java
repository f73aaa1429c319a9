package io.canhgac.event.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The built-in gateway's token ({@code canhgac.ingest.token}), registered as gateway "district" at
 * start (see {@link BuiltInGateway}). When none is configured a random one is made, so ingest is never open.
 */
@Component
public class IngestToken {

    private static final Logger log = LoggerFactory.getLogger(IngestToken.class);

    private final String value;

    IngestToken(@Value("${canhgac.ingest.token:}") String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            this.value = HexFormat.of().formatHex(random);
            log.info("No canhgac.ingest.token configured: made a random one for this run (in-process gateway only)");
        } else {
            this.value = configured;
        }
    }

    public String value() {
        return value;
    }
}
