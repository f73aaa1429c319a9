package io.canhgac.event.camera;

/**
 * A gateway could not onboard a camera.
 *
 * @see GatewayControl#describe
 */
public final class OnboardingRefusedException extends RuntimeException {

    private final String problem;

    /**
     * @param problem a stable code (BAD_CREDENTIALS, UNREACHABLE, NOT_ONVIF, ...)
     * @param message one sentence for the technician: what went wrong, then what to check
     */
    public OnboardingRefusedException(String problem, String message) {
        super(message);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
