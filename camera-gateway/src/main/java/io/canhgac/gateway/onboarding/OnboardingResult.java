package io.canhgac.gateway.onboarding;

/** The outcome of onboarding one camera: a record to register, or a refusal saying why. */
public sealed interface OnboardingResult {

    /** The camera answered, streams, and is ready to register. */
    record Onboarded(CameraRecord camera) implements OnboardingResult {
    }

    /**
     * The camera cannot be registered as given.
     *
     * @param message one sentence for the technician: what went wrong, then what to check
     * @param detail  the underlying failure, for the log
     */
    record Refused(OnboardingProblem problem, String message, String detail) implements OnboardingResult {

        static Refused of(OnboardingProblem problem, String address, String detail) {
            return new Refused(problem, "Camera at " + address + ": " + problem.explanation() + ". Check "
                    + problem.whatToDo() + ".", detail);
        }
    }
}
