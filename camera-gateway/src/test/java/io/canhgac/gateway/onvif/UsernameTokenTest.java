package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameTokenTest {

    /**
     * The captured requests were sent with each vendor's factory password; with it, every captured
     * PasswordDigest can be recomputed, which proves our digest is the one these cameras accepted.
     */
    private static final Map<String, String> FACTORY_PASSWORDS = Map.of("axis", "root", "hikvision", "12345", "pelco", "admin");

    @Test
    void digestMatchesEveryCapturedRequest() throws Exception {
        Path dir = OnvifCaptureTest.requireCaptures();
        List<Path> requests;
        try (Stream<Path> all = Files.walk(dir)) {
            requests = all.filter(p -> p.toString().endsWith(".Request.xml")).sorted().collect(Collectors.toList());
        }
        assertThat(requests).hasSizeGreaterThan(200);
        for (Path request : requests) {
            Document doc = SecureXml.DEFAULT.parse(Files.readAllBytes(request));
            Element token = (Element) doc.getElementsByTagNameNS(UsernameToken.WSSE, "UsernameToken").item(0);
            assertThat(token).as("token in %s", request).isNotNull();
            byte[] nonce = Base64.getDecoder().decode(text(token, UsernameToken.WSSE, "Nonce"));
            String created = text(token, UsernameToken.WSU, "Created");
            String password = FACTORY_PASSWORDS.get(dir.relativize(request).getName(0).toString());
            assertThat(UsernameToken.digest(nonce, created, password)).as("digest of %s", request)
                    .isEqualTo(text(token, UsernameToken.WSSE, "Password"));
        }
    }

    @Test
    void tokenCarriesCreatedInMillisecondsUtcAndTheDigest() throws Exception {
        byte[] nonce = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        UsernameToken token = UsernameToken.create(new OnvifCredentials("op<1>", "pw"), Instant.parse("2024-05-01T11:30:05.123456Z"), nonce);
        assertThat(token.created()).isEqualTo("2024-05-01T11:30:05.123Z");
        assertThat(token.nonce()).isEqualTo("MDEyMzQ1Njc4OWFiY2RlZg==");
        // sha1("0123456789abcdef" + "2024-05-01T11:30:05.123Z" + "pw"), computed with sha1sum | base64
        assertThat(token.passwordDigest()).isEqualTo("e7hJ8Xl05lxsQQnwAwSn0Dm5Nr4=");
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>" + token.toHeaderXml()
                + "</s:Header></s:Envelope>";
        Document doc = SecureXml.DEFAULT.parse(xml);
        assertThat(doc.getElementsByTagNameNS(UsernameToken.WSSE, "Username").item(0).getTextContent()).isEqualTo("op<1>");
    }

    private static String text(Element parent, String ns, String name) {
        return parent.getElementsByTagNameNS(ns, name).item(0).getTextContent().trim();
    }
}
