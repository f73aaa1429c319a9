package io.canhgac.config;

/** A commune (xã) of the district: the unit a commune head is responsible for. */
public record Commune(String id, String name) {
}
