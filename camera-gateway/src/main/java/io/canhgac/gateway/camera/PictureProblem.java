package io.canhgac.gateway.camera;

/** What can be wrong with a picture that still arrives. */
public enum PictureProblem {
    FROZEN("picture frozen: the camera sends the same image again and again"),
    COVERED("picture black: lens covered, sprayed, or the camera is blind"),
    DEFOCUSED("picture blurred: lens out of focus, misted, dirty or knocked");

    private final String explanation;

    PictureProblem(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
