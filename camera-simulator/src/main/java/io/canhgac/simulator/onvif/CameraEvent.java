package io.canhgac.simulator.onvif;

import java.time.Instant;

/**
 * One change of a camera-side state, or its current value when a subscription starts.
 *
 * @param initial true for the state a new subscription is told about (ONVIF "Initialized"), false
 *                for a change ("Changed")
 */
record CameraEvent(EventTopic topic, boolean value, Instant time, boolean initial) {
}
