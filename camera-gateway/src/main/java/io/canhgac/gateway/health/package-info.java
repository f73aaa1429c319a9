/**
 * Following onboarded cameras over ONVIF.
 *
 * <p>{@link io.canhgac.gateway.health.CameraHealthPoller} keeps each camera's status from periodic
 * {@link io.canhgac.gateway.health.OnvifHealthCheck}s (GetSystemDateAndTime, then an authenticated
 * GetDeviceInformation) on a Netty event loop, the checks themselves on a blocking executor, and
 * sends every change as a CAMERA_ONLINE / CAMERA_OFFLINE event. A
 * {@link io.canhgac.gateway.health.CameraEventSubscription} pulls the camera's own motion and
 * tamper events. {@link io.canhgac.gateway.health.OnvifCameraWatch} wires both for one camera.
 */
package io.canhgac.gateway.health;
