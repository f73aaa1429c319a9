/**
 * Registering a camera: {@link io.canhgac.gateway.onboarding.CameraOnboarding} turns an address and
 * an account into a {@link io.canhgac.gateway.onboarding.CameraRecord} (identity, main and sub
 * streams, snapshot, PTZ) once the substream has decoded a picture, or refuses with an
 * {@link io.canhgac.gateway.onboarding.OnboardingProblem} that says what to check.
 */
package io.canhgac.gateway.onboarding;
