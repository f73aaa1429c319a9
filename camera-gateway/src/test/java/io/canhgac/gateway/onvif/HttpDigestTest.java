package io.canhgac.gateway.onvif;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDigestTest {

    @Test
    void rfc2617Example() {
        DigestChallenge challenge = DigestChallenge.strongest(List.of("Digest realm=\"testrealm@host.com\", "
                + "qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")).orElseThrow();
        assertThat(challenge).isEqualTo(new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "5ccc069c403ebaf9f0171e9517f40e41", "MD5", true));
        String header = new HttpDigestAuthorizer(challenge, new SecureRandom())
                .authorization(new OnvifCredentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", "0a4f113b", "00000001");
        assertThat(header).contains("response=\"6629fae49393a05397450978507c4ef1\"", "qop=auth", "nc=00000001",
                "cnonce=\"0a4f113b\"", "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", "uri=\"/dir/index.html\"");
    }

    @Test
    void rfc7616ExamplesPreferSha256() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
        List<String> headers = List.of(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"" + nonce + "\", opaque=\"" + opaque + "\"",
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"" + nonce + "\", opaque=\"" + opaque + "\"",
                "Basic realm=\"http-auth@example.org\"");
        DigestChallenge strongest = DigestChallenge.strongest(headers).orElseThrow();
        assertThat(strongest.algorithm()).isEqualTo("SHA-256");
        OnvifCredentials mufasa = new OnvifCredentials("Mufasa", "Circle of Life");
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertThat(new HttpDigestAuthorizer(strongest, new SecureRandom()).authorization(mufasa, "GET", "/dir/index.html", cnonce, "00000001"))
                .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"", "algorithm=SHA-256");
        DigestChallenge md5 = DigestChallenge.parse(headers.get(0)).orElseThrow();
        assertThat(new HttpDigestAuthorizer(md5, new SecureRandom()).authorization(mufasa, "GET", "/dir/index.html", cnonce, "00000001"))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
    }

    @Test
    void challengesWeCannotAnswerAreIgnored() {
        assertThat(DigestChallenge.strongest(List.of("Basic realm=\"cam\""))).isEmpty();
        assertThat(DigestChallenge.strongest(List.of("Digest realm=\"cam\""))).as("no nonce").isEmpty();
        assertThat(DigestChallenge.strongest(List.of("Digest realm=\"cam\", nonce=\"n\", algorithm=SHA-512-256"))).isEmpty();
    }

    @Test
    void withoutQopTheOldFormIsUsed() {
        DigestChallenge challenge = DigestChallenge.strongest(List.of("digest realm=cam, nonce=abc")).orElseThrow();
        assertThat(challenge.qopAuth()).isFalse();
        String header = new HttpDigestAuthorizer(challenge, new SecureRandom())
                .authorization(new OnvifCredentials("u", "p"), "POST", "/onvif/device_service");
        // RFC 2069 form: MD5(HA1 ":" nonce ":" HA2), recomputed here independently
        assertThat(header).contains("response=\"" + md5hex(md5hex("u:cam:p") + ":abc:" + md5hex("POST:/onvif/device_service")) + "\"")
                .doesNotContain("qop=", "nc=");
    }

    @Test
    void nonceCountGoesUpWithEachRequest() {
        HttpDigestAuthorizer authorizer = new HttpDigestAuthorizer(
                new DigestChallenge("cam", "n", null, "MD5", true), new SecureRandom());
        OnvifCredentials c = new OnvifCredentials("u", "p");
        assertThat(authorizer.authorization(c, "POST", "/")).contains("nc=00000001");
        assertThat(authorizer.authorization(c, "POST", "/")).contains("nc=00000002").doesNotContain("opaque");
    }

    private static String md5hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
