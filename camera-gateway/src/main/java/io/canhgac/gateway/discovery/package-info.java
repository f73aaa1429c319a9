/**
 * Finding ONVIF cameras on commune networks with WS-Discovery.
 *
 * <p>{@link io.canhgac.gateway.discovery.WsDiscoveryProbe} multicasts a Probe on one chosen
 * interface, or sweeps an {@link io.canhgac.contract.registry.AddressRange} with unicast Probes
 * (multicast does not cross the routers between communes), reporting
 * {@link io.canhgac.gateway.discovery.SweepProgress} as it goes. Answers are read through the
 * hardened XML reader and deduplicated by endpoint reference into
 * {@link io.canhgac.gateway.discovery.DiscoveredCamera}s, whose
 * {@link io.canhgac.gateway.discovery.OnvifScopes} give name, model and location.
 */
package io.canhgac.gateway.discovery;
