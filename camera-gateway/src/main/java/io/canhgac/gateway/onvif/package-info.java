/**
 * The gateway's ONVIF client: the SOAP subset it needs, written on the JDK's HTTP client and XML
 * parser because no Java ONVIF library resolves from Maven Central.
 *
 * <p>{@link io.canhgac.gateway.onvif.SoapClient} talks to one camera: SOAP 1.2 envelopes, a
 * WS-UsernameToken dated by the camera's clock, HTTP Digest when the camera asks for it, a time
 * limit on every call, and {@link io.canhgac.gateway.onvif.OnvifException} with an
 * {@link io.canhgac.gateway.onvif.OnvifFailure} kind for every failure. Answers are read only
 * through {@link io.canhgac.gateway.onvif.xml.SecureXml}. The service clients sit in the
 * sub-packages ({@code device}, {@code media} with Media and Media2, {@code imaging}, {@code events},
 * {@code ptz}), each with its records and one parser per answer, reading fields namespace-aware
 * ({@link io.canhgac.gateway.onvif.xml.Elements}); the operations they send are listed in
 * {@link io.canhgac.gateway.onvif.OnvifOperation}.
 */
package io.canhgac.gateway.onvif;
