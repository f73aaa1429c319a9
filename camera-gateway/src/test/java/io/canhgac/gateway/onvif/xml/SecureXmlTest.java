package io.canhgac.gateway.onvif.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SecureXmlTest {

    private final SecureXml xml = SecureXml.DEFAULT;

    @Test
    void readsNamespacesAsDeclared() throws Exception {
        Document doc = xml.parse("<e:Envelope xmlns:e='urn:a'><e:Body><x:Item xmlns:x='urn:b' n='1'>v</x:Item></e:Body></e:Envelope>");
        Element item = (Element) doc.getElementsByTagNameNS("urn:b", "Item").item(0);
        assertThat(item.getNamespaceURI()).isEqualTo("urn:b");
        assertThat(item.getLocalName()).isEqualTo("Item");
        assertThat(item.getAttribute("n")).isEqualTo("1");
        assertThat(item.getTextContent()).isEqualTo("v");
        assertThat(item.lookupNamespaceURI("e")).as("declarations kept for QName values").isEqualTo("urn:a");
    }

    @Test
    void refusesExternalEntityReadingEtcPasswd() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<Envelope>&xxe;</Envelope>";
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse(xxe), XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE);
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void refusesExternalEntityAndNeverLeaksTheFile(@TempDir Path dir) throws Exception {
        String secret = "secret-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        String[] attacks = {
                "<!DOCTYPE r [<!ENTITY s SYSTEM \"" + file.toUri() + "\">]><r>&s;</r>",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + file.toUri() + "\"> %p;]><r/>",
                "<!DOCTYPE r SYSTEM \"" + file.toUri() + "\"><r/>",
        };
        for (String attack : attacks) {
            XmlRejectedException e = catchThrowableOfType(() -> xml.parse(attack), XmlRejectedException.class);
            assertThat(e).as(attack).isNotNull();
            assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE);
            assertThat(stackText(e)).doesNotContain(secret);
        }
    }

    @Test
    void refusesBillionLaughsQuickly() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "lol" : "lol" + (i - 1);
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
        }
        lol.append("]><lolz>&lol9;</lolz>");
        long start = System.nanoTime();
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse(lol.toString()), XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(2000);
    }

    @Test
    void refusesDoctypeInUtf16Too() {
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>"
                .getBytes(StandardCharsets.UTF_16);
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse(utf16), XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE);
    }

    @Test
    void leavesXIncludeUnexpanded() throws Exception {
        Document doc = xml.parse("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></r>");
        assertThat(doc.getDocumentElement().getTextContent()).isEmpty();
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength()).isEqualTo(1);
    }

    @Test
    void refusesOversizedPayloadBeforeParsing() throws Exception {
        String filler = "<a>" + "x".repeat(SecureXml.DEFAULT_MAX_BYTES) + "</a>";
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse(filler.getBytes(StandardCharsets.UTF_8)),
                XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("limit " + SecureXml.DEFAULT_MAX_BYTES).doesNotContain("xxxx");
        // the same document is fine under the default limit once it fits
        assertThat(xml.parse("<a>" + "x".repeat(1000) + "</a>").getDocumentElement().getTextContent()).hasSize(1000);
    }

    @Test
    void sizeLimitIsConfigurable() throws Exception {
        SecureXml small = new SecureXml(100, 64);
        String doc = "<a>" + "y".repeat(200) + "</a>";
        assertThatThrownBy(() -> small.parse(doc)).isInstanceOf(XmlRejectedException.class)
                .extracting(t -> ((XmlRejectedException) t).reason()).isEqualTo(XmlRejectedException.Reason.TOO_LARGE);
        assertThat(xml.parse(doc).getDocumentElement().getTextContent()).hasSize(200);
    }

    @Test
    void refusesOverDeepPayload() throws Exception {
        assertThat(xml.parse(nested(64)).getDocumentElement().getLocalName()).isEqualTo("d");
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse(nested(65)), XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_DEEP);
        assertThat(e.getMessage()).contains("limit 64");
        // far deeper than a stack could recurse: still a typed refusal, not a StackOverflowError
        XmlRejectedException deep = catchThrowableOfType(() -> xml.parse(nested(100_000)), XmlRejectedException.class);
        assertThat(deep.reason()).isEqualTo(XmlRejectedException.Reason.TOO_DEEP);
    }

    @Test
    void depthLimitIsConfigurable() throws Exception {
        SecureXml shallow = new SecureXml(SecureXml.DEFAULT_MAX_BYTES, 3);
        assertThat(shallow.parse(nested(3))).isNotNull();
        assertThatThrownBy(() -> shallow.parse(nested(4))).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesMalformedXmlWithoutQuotingIt() {
        String secret = "secret-" + UUID.randomUUID();
        XmlRejectedException e = catchThrowableOfType(() -> xml.parse("<a><" + secret + "></a>"), XmlRejectedException.class);
        assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.NOT_WELL_FORMED);
        assertThat(e.getMessage()).contains("line 1").doesNotContain(secret);
    }

    private static String nested(int depth) {
        return "<d>".repeat(depth) + "</d>".repeat(depth);
    }

    private static String stackText(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n');
        }
        return s.toString();
    }
}
