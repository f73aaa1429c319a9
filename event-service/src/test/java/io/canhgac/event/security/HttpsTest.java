package io.canhgac.event.security;

import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.List;

import static io.canhgac.event.security.SessionCookieAssertions.cookie;
import static io.canhgac.event.security.SessionCookieAssertions.secure;
import static io.canhgac.event.security.SessionCookieAssertions.signInCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14.6, TLS at the server itself (docs/https.md, "own certificate"): a key store made with
 * keytool as an SSL bundle; over loopback a browser trusting that certificate signs in, its session
 * and CSRF cookies are Secure, HSTS is sent, and plain HTTP on the port gets no page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.accounts.demo=true"})
class HttpsTest {

    static final TestCertificate CERTIFICATE = TestCertificate.create();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        for (String property : CERTIFICATE.serverProperties()) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void overTlsTheSessionCookieIsSecure() {
        WebSession browser = WebSession.through("https://127.0.0.1:" + port, CERTIFICATE.clientContext());
        List<String> cookies = signInCookies(browser);
        String session = cookie(cookies, "JSESSIONID");
        assertThat(secure(session)).as(session).isTrue();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.get("/api/me").body()).contains("\"operator\"");
        assertThat(browser.get("/login.html").headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(browser.csrfToken()).isPresent();
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoPage() throws InterruptedException {
        int status;
        try {
            status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException refused) {
            status = -1;
        }
        assertThat(status).as("a plain request on the TLS port: Tomcat's 400, or the connection closed").isIn(-1, 400);
    }
}
