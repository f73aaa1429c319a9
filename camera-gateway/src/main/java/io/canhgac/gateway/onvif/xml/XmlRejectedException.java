package io.canhgac.gateway.onvif.xml;

/**
 * XML that {@link SecureXml} refused to read, with the reason as a kind. The message names the
 * rule that was broken, never the refused content, so nothing from a hostile document leaks into
 * logs or error pages.
 */
public class XmlRejectedException extends Exception {

    /** Which safety rule the document broke. */
    public enum Reason {
        DOCTYPE("it declares a DOCTYPE; SOAP forbids DTDs and they carry entity attacks"),
        TOO_LARGE("it is larger than the size limit"),
        TOO_DEEP("its elements nest deeper than the depth limit"),
        NOT_WELL_FORMED("it is not well-formed XML");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    private final Reason reason;

    public XmlRejectedException(Reason reason, String detail) {
        super("XML refused: " + reason.explanation() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
