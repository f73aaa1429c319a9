package io.canhgac.gateway.onvif.xml;

/** Safe, well-formed XML that lacks what the reader needs: a missing element, a number that is not one. */
public class XmlContentException extends Exception {

    public XmlContentException(String message) {
        super(message);
    }
}
