package io.canhgac.event.presence;

import io.canhgac.event.CentreApiTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The centre watching its gateways closely: silent after 2 s, looked at every 200 ms. The classes
 * extending this share one context.
 */
@TestPropertySource(properties = {
        "canhgac.gateways.silent-after=2s",
        "canhgac.gateways.check-every=200ms"})
public abstract class PresenceApiTest extends CentreApiTest {
}
