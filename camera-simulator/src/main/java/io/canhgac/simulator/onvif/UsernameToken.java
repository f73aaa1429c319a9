package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;

import java.util.Optional;

/** The WS-Security UsernameToken of a request (OASIS UsernameToken Profile 1.0), values trimmed. */
record UsernameToken(String username, String password, boolean digest, String nonceBase64, String created) {

    static final String PASSWORD_DIGEST_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    /** Reads {@code wsse:Security/wsse:UsernameToken} from a SOAP header, if there is one. */
    static Optional<UsernameToken> from(Element header) {
        return Dom.child(header, Ns.WSSE, "Security")
                .flatMap(security -> Dom.child(security, Ns.WSSE, "UsernameToken"))
                .map(token -> {
                    Optional<Element> password = Dom.child(token, Ns.WSSE, "Password");
                    String type = password.flatMap(p -> Dom.attribute(p, "Type")).orElse("");
                    return new UsernameToken(
                            Dom.childText(token, Ns.WSSE, "Username").orElse(""),
                            password.map(p -> p.getTextContent().trim()).orElse(""),
                            type.endsWith("#PasswordDigest"),
                            Dom.childText(token, Ns.WSSE, "Nonce").orElse(""),
                            Dom.childText(token, Ns.WSU, "Created").orElse(""));
                });
    }
}
