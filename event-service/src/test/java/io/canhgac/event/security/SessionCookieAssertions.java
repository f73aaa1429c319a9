package io.canhgac.event.security;

import io.canhgac.event.WebSession;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the HTTPS tests check on a sign-in: which cookies the server marks Secure. */
final class SessionCookieAssertions {

    private SessionCookieAssertions() {
    }

    /** Signs in and returns the login answer's Set-Cookie headers, after checking it let the user in. */
    static List<String> signInCookies(WebSession browser) {
        HttpResponse<String> login = browser.submitLogin("operator", "operator-demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return login.headers().allValues("Set-Cookie");
    }

    static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    static boolean secure(String setCookie) {
        return List.of(setCookie.split(";")).stream().map(String::trim).anyMatch(a -> a.equalsIgnoreCase("Secure"));
    }
}
