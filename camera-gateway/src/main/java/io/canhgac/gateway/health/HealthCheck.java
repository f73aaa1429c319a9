package io.canhgac.gateway.health;

/** One blocking look at a camera's health. Never throws: every failure is a verdict. */
@FunctionalInterface
public interface HealthCheck {

    HealthVerdict check();
}
