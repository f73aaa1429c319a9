package io.canhgac.event.link;

/**
 * A request to a gateway over its link did not succeed.
 *
 * @see #problem()
 */
public class GatewayLinkException extends RuntimeException {

    /** The link dropped before the answer came, or the gateway is not connected. */
    public static final String LINK_DOWN = "LINK_DOWN";
    /** No answer within the time allowed. */
    public static final String TIMEOUT = "TIMEOUT";

    private final String problem;

    public GatewayLinkException(String problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** {@link #LINK_DOWN}, {@link #TIMEOUT}, or the code of the gateway's own refusal (e.g. NOT_AUTHORIZED). */
    public String problem() {
        return problem;
    }
}
