package io.canhgac.simulator.onvif;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/** A minimal ONVIF client for tests: builds envelopes with a WS-UsernameToken, posts them, reads replies by XPath. */
final class OnvifSoapClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    OnvifSoapClient(String base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    Reply call(String pathOrUrl, String body) throws Exception {
        return post(pathOrUrl, envelope(securityHeader(username, password, Instant.now()), body));
    }

    /** With an extra header element (e.g. wsa:To) beside the security header. */
    Reply call(String pathOrUrl, String extraHeader, String body) throws Exception {
        return post(pathOrUrl, envelope(extraHeader + securityHeader(username, password, Instant.now()), body));
    }

    Reply callAnonymous(String pathOrUrl, String body) throws Exception {
        return post(pathOrUrl, envelope("", body));
    }

    Reply post(String pathOrUrl, String envelope) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return Reply.of(r.statusCode(), r.body());
    }

    static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\""
                + " xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\" xmlns:timg=\"http://www.onvif.org/ver20/imaging/wsdl\""
                + " xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\""
                + " xmlns:tse=\"http://www.onvif.org/ver10/search/wsdl\" xmlns:trp=\"http://www.onvif.org/ver10/replay/wsdl\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static String securityHeader(String username, String password, Instant created) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return securityHeader(username, password, nonce, created.toString());
    }

    static String securityHeader(String username, String password, byte[] nonce, String created) {
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(nonce, created, password));
        return "<wsse:Security s:mustUnderstand=\"1\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + username + "</wsse:Username>"
                + "<wsse:Password Type=\"" + UsernameToken.PASSWORD_DIGEST_TYPE + "\">" + digest + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    /** A reply: HTTP status and the parsed envelope. */
    record Reply(int status, String xml, Document doc) {

        static Reply of(int status, byte[] body) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = body.length == 0 ? null : f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return new Reply(status, new String(body, StandardCharsets.UTF_8), doc);
        }

        String text(String xpath) throws XPathExpressionException {
            return ((String) xpath().evaluate(xpath, doc, XPathConstants.STRING)).trim();
        }

        List<String> texts(String xpath) throws XPathExpressionException {
            NodeList nodes = (NodeList) xpath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                out.add(n.getTextContent().trim());
            }
            return out;
        }

        int count(String xpath) throws XPathExpressionException {
            return ((NodeList) xpath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
        }

        boolean isFault() throws XPathExpressionException {
            return count("/env:Envelope/env:Body/env:Fault") == 1;
        }

        String faultCode() throws XPathExpressionException {
            return text("/env:Envelope/env:Body/env:Fault/env:Code/env:Value");
        }

        /** Every subcode, outermost first. */
        List<String> faultSubcodes() throws XPathExpressionException {
            return texts("/env:Envelope/env:Body/env:Fault/env:Code//env:Subcode/env:Value");
        }

        private static XPath xpath() {
            XPath x = XPathFactory.newInstance().newXPath();
            x.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return Arrays.stream(Ns.values()).filter(n -> n.prefix().equals(prefix)).map(Ns::uri)
                            .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown prefix " + prefix));
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
            return x;
        }
    }
}
