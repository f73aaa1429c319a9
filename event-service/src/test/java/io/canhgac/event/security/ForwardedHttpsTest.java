package io.canhgac.event.security;

import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static io.canhgac.event.security.SessionCookieAssertions.cookie;
import static io.canhgac.event.security.SessionCookieAssertions.secure;
import static io.canhgac.event.security.SessionCookieAssertions.signInCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14.6 behind a reverse proxy on the same host (docs/https.md): with the forwarded headers
 * trusted from loopback only, a request the proxy marks X-Forwarded-Proto: https gets a Secure
 * session cookie, and one without it (a direct, plain request) does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.accounts.demo=true",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class ForwardedHttpsTest {

    @LocalServerPort
    int port;

    @Test
    void throughTheProxyTheSessionCookieIsSecure() {
        WebSession browser = WebSession.through("http://127.0.0.1:" + port, null, "X-Forwarded-Proto", "https");
        String session = cookie(signInCookies(browser), "JSESSIONID");
        assertThat(secure(session)).as(session).isTrue();
    }

    @Test
    void aPlainRequestWithoutTheProxysHeaderIsNotMarkedSecure() {
        List<String> cookies = signInCookies(WebSession.through("http://127.0.0.1:" + port, null));
        assertThat(secure(cookie(cookies, "JSESSIONID"))).isFalse();
    }
}
