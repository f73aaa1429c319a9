package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.SecureXml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SOAP fault in the corpus, including those of operations the gateway does not send: the
 * fault reader is shared by all operations, and these are the real faults cameras send. The kind
 * of each was read off the file by hand (subcodes, and the reason where there is none).
 */
class SoapFaultCorpusTest {

    private static final String EXPECTED = """
            axis/core/GetDPAddresses.Error.xml                      DEVICE_FAULT
            axis/core/GetDot11Capabilities.Error.xml                NOT_AUTHORIZED
            axis/core/GetDot11Status.Error.xml                      DEVICE_FAULT
            axis/core/GetDot1XConfigurations.Error.xml              NOT_AUTHORIZED
            axis/core/GetEndpointReference.Error.xml                NOT_AUTHORIZED
            axis/core/GetGeoLocation.Error.xml                      DEVICE_FAULT
            axis/core/GetRemoteDiscoveryMode.Error.xml              DEVICE_FAULT
            axis/core/GetServiceCapabilities.Error.xml              DEVICE_FAULT
            axis/core/GetServices.Error.xml                         DEVICE_FAULT
            axis/core/GetSystemBackup.Error.xml                     DEVICE_FAULT
            axis/core/GetSystemLog.Error.xml                        DEVICE_FAULT
            axis/core/GetSystemSupportInformation.Error.xml         DEVICE_FAULT
            axis/core/GetSystemUris.Error.xml                       NOT_AUTHORIZED
            axis/core/ScanAvailableDot11Networks.Error.xml          DEVICE_FAULT
            axis/core/SetDNS.Error.xml                              INVALID_ARGUMENT
            axis/core/SetDynamicDNS.Error.xml                       DEVICE_FAULT
            axis/core/SetHostnameFromDHCP.Error.xml                 DEVICE_FAULT
            axis/core/SetNTP.Error.xml                              INVALID_ARGUMENT
            axis/events/CreatePullPointSubscription.Error.xml       DEVICE_FAULT
            axis/events/GetServiceCapabilities.Error.xml            DEVICE_FAULT
            axis/events/PullMessages.Error.xml                      INVALID_ARGUMENT
            axis/events/SetSynchronizationPoint.Error.xml           INVALID_ARGUMENT
            axis/media/GetAudioDecoderConfigurations.Error.xml      DEVICE_FAULT
            axis/media/GetAudioEncoderConfigurations.Error.xml      ACTION_NOT_SUPPORTED
            axis/media/GetAudioOutputConfigurations.Error.xml       DEVICE_FAULT
            axis/media/GetAudioOutputs.Error.xml                    DEVICE_FAULT
            axis/media/GetAudioSourceConfigurations.Error.xml       ACTION_NOT_SUPPORTED
            axis/media/GetAudioSources.Error.xml                    ACTION_NOT_SUPPORTED
            axis/media/GetOSDs.Error.xml                            DEVICE_FAULT
            axis/media/GetVideoAnalyticsConfigurations.Error.xml    ACTION_NOT_SUPPORTED
            axis/ptz/GetCompatibleConfigurations.Error.xml          DEVICE_FAULT
            hikvision/analytics/GetAnalyticsModuleOptions.Error.xml ACTION_NOT_SUPPORTED
            hikvision/core/GetCACertificates.Error.xml              ACTION_NOT_SUPPORTED
            hikvision/core/GetCertificates.Error.xml                ACTION_NOT_SUPPORTED
            hikvision/core/GetCertificatesStatus.Error.xml          ACTION_NOT_SUPPORTED
            hikvision/core/GetClientCertificateMode.Error.xml       ACTION_NOT_SUPPORTED
            hikvision/core/GetDot11Capabilities.Error.xml           ACTION_NOT_SUPPORTED
            hikvision/core/GetDot11Status.Error.xml                 ACTION_NOT_SUPPORTED
            hikvision/core/GetDot1XConfigurations.Error.xml         ACTION_NOT_SUPPORTED
            hikvision/core/GetEndpointReference.Error.xml           ACTION_NOT_SUPPORTED
            hikvision/core/GetGeoLocation.Error.xml                 ACTION_NOT_SUPPORTED
            hikvision/core/GetServices.Error.xml                    INVALID_ARGUMENT
            hikvision/core/ScanAvailableDot11Networks.Error.xml     ACTION_NOT_SUPPORTED
            hikvision/core/SetDNS.Error.xml                         INVALID_ARGUMENT
            hikvision/core/SetHostnameFromDHCP.Error.xml            INVALID_ARGUMENT
            hikvision/core/SetNTP.Error.xml                         INVALID_ARGUMENT
            hikvision/ptz/GetCompatibleConfigurations.Error.xml     ACTION_NOT_SUPPORTED
            pelco/core/GetAccessPolicy.Error.xml                    ACTION_NOT_SUPPORTED
            pelco/core/GetDPAddresses.Error.xml                     ACTION_NOT_SUPPORTED
            pelco/core/GetDot11Capabilities.Error.xml               ACTION_NOT_SUPPORTED
            pelco/core/GetDot11Status.Error.xml                     ACTION_NOT_SUPPORTED
            pelco/core/GetDynamicDNS.Error.xml                      ACTION_NOT_SUPPORTED
            pelco/core/GetEndpointReference.Error.xml               ACTION_NOT_SUPPORTED
            pelco/core/GetGeoLocation.Error.xml                     ACTION_NOT_SUPPORTED
            pelco/core/GetRemoteDiscoveryMode.Error.xml             ACTION_NOT_SUPPORTED
            pelco/core/ScanAvailableDot11Networks.Error.xml         ACTION_NOT_SUPPORTED
            pelco/core/SetDynamicDNS.Error.xml                      ACTION_NOT_SUPPORTED
            pelco/core/SetHostnameFromDHCP.Error.xml                ACTION_NOT_SUPPORTED
            pelco/events/PullMessages.Error.xml                     DEVICE_FAULT
            pelco/media/GetAudioDecoderConfigurations.Error.xml     ACTION_NOT_SUPPORTED
            pelco/media/GetAudioOutputConfigurations.Error.xml      ACTION_NOT_SUPPORTED
            pelco/ptz/GetCompatibleConfigurations.Error.xml         ACTION_NOT_SUPPORTED
            """;

    private final EnvelopeReader reader = new EnvelopeReader(SecureXml.DEFAULT);

    @Test
    void everyFaultInTheCorpusHasItsKind() throws Exception {
        Path dir = OnvifCaptureTest.requireCaptures();
        Map<String, OnvifFailure> expected = new TreeMap<>();
        EXPECTED.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] parts = l.split("\\s+");
            expected.put(parts[0], OnvifFailure.valueOf(parts[1]));
        });
        TreeSet<String> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(p -> p.toString().endsWith(".Error.xml"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).as("the table lists every fault capture").isEqualTo(expected.keySet());

        Map<String, OnvifFailure> actual = new TreeMap<>();
        for (String file : files) {
            SoapEnvelope envelope = reader.read(Files.readAllBytes(dir.resolve(file)));
            assertThat(envelope.isFault()).as(file).isTrue();
            assertThat(envelope.fault().codeName()).as("code of %s", file).isIn("Sender", "Receiver", "Reveiver");
            actual.put(file, envelope.fault().failure());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void realNotAuthorizedFaultReadsAsSuch() throws Exception {
        Path dir = OnvifCaptureTest.requireCaptures();
        SoapFault fault = reader.read(Files.readAllBytes(dir.resolve("axis/core/GetDot1XConfigurations.Error.xml"))).fault();
        assertThat(fault).isEqualTo(new SoapFault("SOAP-ENV:Sender", java.util.List.of("ter:NotAuthorized"),
                "Sender not authorized", "The action requested requires authorization and the sender is not authorized"));
    }

    @Test
    void hikvisionMisspeltReceiverIsStillRead() throws Exception {
        Path dir = OnvifCaptureTest.requireCaptures();
        SoapFault fault = reader.read(Files.readAllBytes(dir.resolve("hikvision/core/GetDot11Capabilities.Error.xml"))).fault();
        assertThat(fault.code()).isEqualTo("env:Reveiver");
        assertThat(fault.subcodes()).containsExactly("ter:InvalidDot11", "ter:ActionNotSupported");
        assertThat(fault.failure()).isEqualTo(OnvifFailure.ACTION_NOT_SUPPORTED);
    }

    @Test
    void ownFixtureFaults() throws Exception {
        SoapFault notAuthorized = reader.read(OnvifCaptureTest.fixture("NotAuthorized.Error.xml")).fault();
        assertThat(notAuthorized.failure()).isEqualTo(OnvifFailure.NOT_AUTHORIZED);
        assertThat(notAuthorized.summary()).isEqualTo("Sender/ter:NotAuthorized: Sender not Authorized");
        SoapFault notSupported = reader.read(OnvifCaptureTest.fixture("ActionNotSupported.Error.xml")).fault();
        assertThat(notSupported.failure()).isEqualTo(OnvifFailure.ACTION_NOT_SUPPORTED);
        assertThat(notSupported.subcodeNames()).containsExactly("ActionNotSupported");
    }

    @Test
    void soap11FaultIsReadToo() throws Exception {
        String soap11 = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultcode>s:Client</faultcode><faultstring>Bad request</faultstring></s:Fault></s:Body></s:Envelope>";
        SoapFault fault = reader.read(soap11.getBytes(java.nio.charset.StandardCharsets.UTF_8)).fault();
        assertThat(fault).isEqualTo(new SoapFault("s:Client", java.util.List.of(), "Bad request", ""));
        assertThat(fault.failure()).isEqualTo(OnvifFailure.DEVICE_FAULT);
    }
}
