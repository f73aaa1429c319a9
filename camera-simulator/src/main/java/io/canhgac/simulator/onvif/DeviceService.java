package io.canhgac.simulator.onvif;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The device management service (tds): time, identity, capabilities, services, scopes. */
final class DeviceService implements SoapService {

    private static final Set<String> CATEGORIES = Set.of("All", "Device", "Media", "Events", "PTZ", "Imaging");

    private final OnvifDevice device;
    private final Clock clock;

    DeviceService(OnvifDevice device) {
        this.device = device;
        this.clock = device.clock();
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetSystemDateAndTime" -> SoapService.answer(systemDateAndTime());
            case "GetDeviceInformation" -> SoapService.answer(deviceInformation());
            case "GetCapabilities" -> SoapService.answer(capabilities(call));
            case "GetServices" -> SoapService.answer(services(call));
            case "GetScopes" -> SoapService.answer(scopes());
            default -> throw SoapService.unsupported(call);
        };
    }

    private XmlBuilder systemDateAndTime() {
        ZonedDateTime utc = clock.instant().atZone(ZoneOffset.UTC);
        // The district runs on Indochina Time, UTC+7 all year; POSIX TZ writes the offset inverted.
        ZonedDateTime local = utc.withZoneSameInstant(ZoneOffset.ofHours(7));
        XmlBuilder x = new XmlBuilder().open("tds:GetSystemDateAndTimeResponse").open("tds:SystemDateAndTime")
                .leaf("tt:DateTimeType", "NTP")
                .leaf("tt:DaylightSavings", false)
                .open("tt:TimeZone").leaf("tt:TZ", "ICT-7").close();
        dateTime(x, "tt:UTCDateTime", utc);
        dateTime(x, "tt:LocalDateTime", local);
        return x.close().close();
    }

    private static void dateTime(XmlBuilder x, String element, ZonedDateTime t) {
        x.open(element)
                .open("tt:Time").leaf("tt:Hour", t.getHour()).leaf("tt:Minute", t.getMinute()).leaf("tt:Second", t.getSecond()).close()
                .open("tt:Date").leaf("tt:Year", t.getYear()).leaf("tt:Month", t.getMonthValue()).leaf("tt:Day", t.getDayOfMonth()).close()
                .close();
    }

    private XmlBuilder deviceInformation() {
        DeviceIdentity id = device.identity();
        return new XmlBuilder().open("tds:GetDeviceInformationResponse")
                .leaf("tds:Manufacturer", id.manufacturer())
                .leaf("tds:Model", id.model())
                .leaf("tds:FirmwareVersion", id.firmwareVersion())
                .leaf("tds:SerialNumber", id.serialNumber())
                .leaf("tds:HardwareId", id.hardwareId())
                .close();
    }

    private XmlBuilder capabilities(SoapCall call) throws SoapFault {
        // Several Category elements may be sent; none means All.
        var categories = Dom.children(call.request().body()).stream()
                .filter(e -> Dom.is(e, Ns.TDS, "Category")).map(e -> e.getTextContent().trim()).toList();
        for (String c : categories) {
            if (!CATEGORIES.contains(c)) {
                throw new SoapFault(SoapFault.Code.RECEIVER, List.of(Ns.TER.q("ActionNotSupported"),
                        Ns.TER.q("NoSuchService")), "No " + c + " service on this device", null);
            }
        }
        boolean all = categories.isEmpty() || categories.contains("All");
        ServiceAddresses a = call.addresses();
        XmlBuilder x = new XmlBuilder().open("tds:GetCapabilitiesResponse").open("tds:Capabilities");
        if (all || categories.contains("Device")) {
            x.open("tt:Device").leaf("tt:XAddr", a.device())
                    .open("tt:Network").leaf("tt:IPFilter", false).leaf("tt:ZeroConfiguration", false)
                    .leaf("tt:IPVersion6", false).leaf("tt:DynDNS", false).close()
                    .open("tt:System").leaf("tt:DiscoveryResolve", false).leaf("tt:DiscoveryBye", true)
                    .leaf("tt:RemoteDiscovery", false).leaf("tt:SystemBackup", false).leaf("tt:SystemLogging", false)
                    .leaf("tt:FirmwareUpgrade", false)
                    .open("tt:SupportedVersions").leaf("tt:Major", 2).leaf("tt:Minor", 20).close()
                    .close()
                    .open("tt:Security").leaf("tt:TLS1.1", false).leaf("tt:TLS1.2", false)
                    .leaf("tt:OnboardKeyGeneration", false).leaf("tt:AccessPolicyConfig", false)
                    .leaf("tt:X.509Token", false).leaf("tt:SAMLToken", false).leaf("tt:KerberosToken", false)
                    .leaf("tt:RELToken", false).close()
                    .close();
        }
        if (all || categories.contains("Events")) {
            x.open("tt:Events").leaf("tt:XAddr", a.events()).leaf("tt:WSSubscriptionPolicySupport", false)
                    .leaf("tt:WSPullPointSupport", true).leaf("tt:WSPausableSubscriptionManagerInterfaceSupport", false)
                    .close();
        }
        if (all || categories.contains("Imaging")) {
            x.open("tt:Imaging").leaf("tt:XAddr", a.imaging()).close();
        }
        // GetCapabilities predates Media2: a Media2-only firmware lists no media here
        if (device.firmware().hasMedia() && (all || categories.contains("Media"))) {
            x.open("tt:Media").leaf("tt:XAddr", a.media())
                    .open("tt:StreamingCapabilities").leaf("tt:RTPMulticast", false).leaf("tt:RTP_TCP", true)
                    .leaf("tt:RTP_RTSP_TCP", true).close()
                    .close();
        }
        if (device.hasPtz() && (all || categories.contains("PTZ"))) {
            x.open("tt:PTZ").leaf("tt:XAddr", a.ptz()).close();
        }
        if (device.recordings() != null && all) {
            x.open("tt:Extension")
                    .open("tt:Search").leaf("tt:XAddr", a.search()).leaf("tt:MetadataSearch", false).close()
                    .open("tt:Replay").leaf("tt:XAddr", a.replay()).close()
                    .close();
        }
        return x.close().close();
    }

    private XmlBuilder services(SoapCall call) {
        boolean withCapabilities = call.request().param(Ns.TDS, "IncludeCapability").map("true"::equalsIgnoreCase).orElse(false);
        ServiceAddresses a = call.addresses();
        XmlBuilder x = new XmlBuilder().open("tds:GetServicesResponse");
        service(x, Ns.TDS, a.device(), withCapabilities ? new XmlBuilder()
                .open("tds:Capabilities")
                .empty("tds:Network", "IPFilter", "false", "ZeroConfiguration", "false", "IPVersion6", "false", "DynDNS", "false")
                .empty("tds:Security", "UsernameToken", "true", "HttpDigest", "false", "TLS1.2", "false")
                .empty("tds:System", "DiscoveryResolve", "false", "DiscoveryBye", "true", "RemoteDiscovery", "false",
                        "SystemBackup", "false", "SystemLogging", "false", "FirmwareUpgrade", "false")
                .close() : null, 2, 20);
        String profileCount = String.valueOf(device.media().profiles().size());
        if (device.firmware().hasMedia()) {
            service(x, Ns.TRT, a.media(), withCapabilities ? new XmlBuilder()
                    .open("trt:Capabilities", "SnapshotUri", "true", "Rotation", "false")
                    .empty("trt:ProfileCapabilities", "MaximumNumberOfProfiles", profileCount)
                    .empty("trt:StreamingCapabilities", "RTPMulticast", "false", "RTP_TCP", "true", "RTP_RTSP_TCP", "true")
                    .close() : null, 2, 20);
        }
        if (device.firmware().hasMedia2()) {
            service(x, Ns.TR2, a.media2(), withCapabilities ? new XmlBuilder()
                    .open("tr2:Capabilities", "SnapshotUri", "true", "Rotation", "false")
                    .empty("tr2:ProfileCapabilities", "MaximumNumberOfProfiles", profileCount)
                    .empty("tr2:StreamingCapabilities", "RTPMulticast", "false", "RTP_RTSP_TCP", "true")
                    .close() : null, 2, 20);
        }
        service(x, Ns.TIMG, a.imaging(), withCapabilities ? new XmlBuilder()
                .empty("timg:Capabilities", "ImageStabilization", "false") : null, 2, 20);
        service(x, Ns.TEV, a.events(), withCapabilities ? new XmlBuilder()
                .empty("tev:Capabilities", "WSSubscriptionPolicySupport", "false", "WSPullPointSupport", "true",
                        "WSPausableSubscriptionManagerInterfaceSupport", "false",
                        "MaxPullPoints", String.valueOf(PullPointSubscriptions.MAX_SUBSCRIPTIONS),
                        "PersistentNotificationStorage", "false") : null, 2, 20);
        if (device.recordings() != null) {
            service(x, Ns.TSE, a.search(), withCapabilities ? new XmlBuilder()
                    .empty("tse:Capabilities", "MetadataSearch", "false", "GeneralStartEvents", "false") : null, 2, 20);
            service(x, Ns.TRP, a.replay(), withCapabilities ? new XmlBuilder()
                    .empty("trp:Capabilities", "ReversePlayback", "false", "RTP_RTSP_TCP", "true") : null, 2, 20);
        }
        if (device.hasPtz()) {
            service(x, Ns.TPTZ, a.ptz(), withCapabilities ? new XmlBuilder()
                    .empty("tptz:Capabilities", "EFlip", "false", "Reverse", "false") : null, 2, 20);
        }
        return x.close();
    }

    private static void service(XmlBuilder x, Ns ns, String xaddr, XmlBuilder capabilities, int major, int minor) {
        x.open("tds:Service").leaf("tds:Namespace", ns.uri()).leaf("tds:XAddr", xaddr);
        if (capabilities != null) {
            x.open("tds:Capabilities").raw(capabilities.toString()).close();
        }
        x.open("tds:Version").leaf("tt:Major", major).leaf("tt:Minor", minor).close().close();
    }

    private XmlBuilder scopes() {
        XmlBuilder x = new XmlBuilder().open("tds:GetScopesResponse");
        for (String scope : device.identity().scopes(device.hasPtz())) {
            boolean configurable = scope.contains("/name/") || scope.contains("/location/");
            x.open("tds:Scopes").leaf("tt:ScopeDef", configurable ? "Configurable" : "Fixed").leaf("tt:ScopeItem", scope).close();
        }
        return x.close();
    }
}
