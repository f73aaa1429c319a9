package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.SecureXml;

import java.time.Duration;

/**
 * How the gateway talks SOAP to cameras.
 *
 * @param timeout          the longest any one call may take, connection included; a PullMessages
 *                         call gets its long-poll wait on top of this
 * @param maxResponseBytes answers larger than this are refused unread
 * @param maxElementDepth  answers nesting deeper than this are refused
 */
public record OnvifClientSettings(Duration timeout, int maxResponseBytes, int maxElementDepth) {

    public static final OnvifClientSettings DEFAULTS =
            new OnvifClientSettings(Duration.ofSeconds(5), SecureXml.DEFAULT_MAX_BYTES, SecureXml.DEFAULT_MAX_DEPTH);

    public OnvifClientSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ONVIF timeout must be positive, was " + timeout);
        }
        if (maxResponseBytes <= 0 || maxElementDepth <= 0) {
            throw new IllegalArgumentException("ONVIF response limits must be positive");
        }
    }

    public OnvifClientSettings withTimeout(Duration newTimeout) {
        return new OnvifClientSettings(newTimeout, maxResponseBytes, maxElementDepth);
    }
}
