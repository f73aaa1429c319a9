package io.canhgac.gateway.onboarding;

/** Why a camera could not be onboarded, each with what a technician should do about it. */
public enum OnboardingProblem {
    BAD_CREDENTIALS("the camera refused the user name or password",
            "enter the camera's ONVIF user and password again; the user needs the operator or administrator role"),
    UNREACHABLE("nothing answers at this address",
            "that the camera is powered and connected, and the address and port are right"),
    TIMEOUT("the camera did not answer in time",
            "the link to the commune and whether the camera is overloaded; try again"),
    NOT_ONVIF("something answers at this address, but it is not an ONVIF camera",
            "the ONVIF port (often 80, 8000 or 8899) and that ONVIF is switched on in the camera's web page"),
    NO_VIDEO("the camera has no video profile to stream",
            "the camera's media profiles in its web page"),
    STREAM_UNUSABLE("the camera's substream does not open or decode",
            "the RTSP port, the substream's codec (H.264 or H.265) and that RTSP uses the same account"),
    CAMERA_ERROR("the camera answered with an error",
            "the camera's firmware; rebooting the camera often clears internal errors");

    private final String explanation;
    private final String whatToDo;

    OnboardingProblem(String explanation, String whatToDo) {
        this.explanation = explanation;
        this.whatToDo = whatToDo;
    }

    public String explanation() {
        return explanation;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
