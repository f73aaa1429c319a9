/**
 * A camera's health for technicians: its status changes and uptime over the last days (from the
 * stored health events) and its stream's live figures (reported by the gateways every few
 * seconds, kept in memory only: they are worth nothing a few periods later).
 */
package io.canhgac.event.health;
