package io.canhgac.simulator.onvif;

/**
 * How a simulated camera's firmware speaks ONVIF, as the cameras a district buys differ: a
 * current Profile S/T firmware, an old gSOAP build that answers SOAP 1.1 whatever it is asked
 * in, and a Profile T firmware that dropped Media (ver10) for Media2.
 */
public enum Firmware {
    /** SOAP 1.2; Media and Media2. */
    STANDARD(false, true, true),
    /** Answers in SOAP 1.1 (text/xml, faultcode, Client/Server) even to SOAP 1.2 requests; Media only. */
    SOAP11(true, true, false),
    /** SOAP 1.2; Media2 only: a Media (ver10) request is an unknown action. */
    MEDIA2_ONLY(false, false, true);

    private final boolean answersSoap11;
    private final boolean media;
    private final boolean media2;

    Firmware(boolean answersSoap11, boolean media, boolean media2) {
        this.answersSoap11 = answersSoap11;
        this.media = media;
        this.media2 = media2;
    }

    public boolean answersSoap11() {
        return answersSoap11;
    }

    public boolean hasMedia() {
        return media;
    }

    public boolean hasMedia2() {
        return media2;
    }
}
