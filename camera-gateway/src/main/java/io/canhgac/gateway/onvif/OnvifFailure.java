package io.canhgac.gateway.onvif;

/** Why an ONVIF call failed, with what a technician should check. */
public enum OnvifFailure {
    NOT_AUTHORIZED("the camera refused the credentials",
            "the user name and password stored for this camera, that this user has the operator or"
                    + " administrator role on the camera, and that the camera's clock is right"),
    ACTION_NOT_SUPPORTED("the camera does not implement this operation",
            "the camera's firmware and ONVIF profile; the gateway can work without this operation"),
    INVALID_ARGUMENT("the camera refused a value in the request",
            "the profile or preset token configured for this camera still exists on it"),
    DEVICE_FAULT("the camera reported an error",
            "the camera's own log; rebooting the camera often clears internal errors"),
    UNREACHABLE("no connection to the camera",
            "that the camera is powered, its address and port are right, and the network link to its commune is up"),
    TIMEOUT("the camera did not answer in time",
            "the link quality to the camera and whether the camera is overloaded or hung"),
    NOT_ONVIF("something answers at this address, but not ONVIF SOAP",
            "the ONVIF port and path (usually http://<camera>/onvif/device_service) and that ONVIF is enabled on the camera"),
    BAD_RESPONSE("the camera sent a bad ONVIF answer: broken, cut short or lacking required fields",
            "for a firmware update; report the camera model and firmware to the Canh Gác maintainers");

    private final String explanation;
    private final String whatToCheck;

    OnvifFailure(String explanation, String whatToCheck) {
        this.explanation = explanation;
        this.whatToCheck = whatToCheck;
    }

    public String explanation() {
        return explanation;
    }

    public String whatToCheck() {
        return whatToCheck;
    }
}
