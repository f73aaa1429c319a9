package io.canhgac.gateway.onvif.events;

/** One tt:SimpleItem of an event's Source or Data, e.g. IsMotion=true. */
public record EventItem(String name, String value) {
}
