package io.canhgac.simulator.onvif;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads every request real clients sent to Axis, Hikvision and Pelco cameras, as the device must. */
class SoapRequestCaptureTest {

    static Path captures() {
        Path dir = Path.of(System.getProperty("canhgac.shared.dir", "../../shared"), "data", "onvif");
        assumeTrue(Files.isDirectory(dir), "no ONVIF captures at " + dir);
        return dir;
    }

    @Test
    void everyCapturedRequestParsesToItsOperationWithItsUsernameToken() throws Exception {
        List<Path> requests;
        try (Stream<Path> files = Files.walk(captures())) {
            requests = files.filter(p -> p.getFileName().toString().endsWith(".Request.xml")).sorted().toList();
        }
        assertThat(requests).hasSizeGreaterThan(200);
        SafeXmlParser parser = new SafeXmlParser();
        int withToken = 0;
        for (Path file : requests) {
            String operation = file.getFileName().toString().replace(".Request.xml", "");
            SoapRequest r = SoapRequest.parse(parser, Files.readAllBytes(file));
            assertThat(r.operation().getLocalPart()).as(file.toString()).isEqualTo(operation);
            if (r.usernameToken().isPresent()) {
                withToken++;
                UsernameToken t = r.usernameToken().get();
                assertThat(t.digest()).as(file.toString()).isTrue();
                assertThat(t.username()).as(file.toString()).isIn("admin", "root");
                // Captured Created values are wrapped in a newline and indentation; the digest covers the bare time.
                assertThat(t.created()).as(file.toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(java.util.Base64.getDecoder().decode(t.nonceBase64())).hasSize(16);
            }
        }
        assertThat(withToken).isGreaterThan(150);
    }

    @Test
    void aCapturedPullMessagesCarriesItsPullPointInWsaTo() throws IOException, SoapFault {
        SoapRequest r = SoapRequest.parse(new SafeXmlParser(),
                Files.readAllBytes(captures().resolve("pelco/events/PullMessages.Request.xml")));
        assertThat(r.wsaTo()).contains("http://10.10.1.66/onvif/eventing_service?id=urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83");
        assertThat(r.param(Ns.TEV, "Timeout")).contains("PT1M");
        assertThat(r.param(Ns.TEV, "MessageLimit")).contains("99");
    }
}
