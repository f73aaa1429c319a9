package io.canhgac.gateway.onvif.device;

/** How the camera sets its clock (tt:SetDateTimeType). */
public enum ClockSource {
    MANUAL,
    NTP
}
