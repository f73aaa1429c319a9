package io.canhgac.gateway.onvif;

/**
 * Every SOAP operation the gateway sends, with its service and SOAP 1.2 action. Operations not
 * listed here (network, users, certificates, imaging changes, analytics, recording control...) are out of scope.
 */
public enum OnvifOperation {
    GET_SYSTEM_DATE_AND_TIME(OnvifService.DEVICE, "GetSystemDateAndTime", false),
    GET_DEVICE_INFORMATION(OnvifService.DEVICE, "GetDeviceInformation", true),
    GET_CAPABILITIES(OnvifService.DEVICE, "GetCapabilities", true),
    GET_SERVICES(OnvifService.DEVICE, "GetServices", true),

    GET_PROFILES(OnvifService.MEDIA, "GetProfiles", true),
    GET_STREAM_URI(OnvifService.MEDIA, "GetStreamUri", true),
    GET_SNAPSHOT_URI(OnvifService.MEDIA, "GetSnapshotUri", true),

    // Media2 (ver20): the only media service of newer firmwares, and the one that lists H.265 properly
    GET_PROFILES_2(OnvifService.MEDIA2, "GetProfiles", true),
    GET_STREAM_URI_2(OnvifService.MEDIA2, "GetStreamUri", true),
    GET_SNAPSHOT_URI_2(OnvifService.MEDIA2, "GetSnapshotUri", true),

    GET_IMAGING_SETTINGS(OnvifService.IMAGING, "GetImagingSettings", true),

    GET_EVENT_PROPERTIES(OnvifService.EVENTS, "GetEventProperties",
            "http://www.onvif.org/ver10/events/wsdl/EventPortType/GetEventPropertiesRequest"),

    CREATE_PULL_POINT_SUBSCRIPTION(OnvifService.EVENTS, "CreatePullPointSubscription",
            "http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest"),
    PULL_MESSAGES(OnvifService.EVENTS, "PullMessages",
            "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest"),
    RENEW(OnvifService.EVENTS, "Renew",
            "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest"),
    UNSUBSCRIBE(OnvifService.EVENTS, "Unsubscribe",
            "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest"),

    // the camera's own card: found through Recording Search, played through Replay to fill the gateway's gaps
    FIND_RECORDINGS(OnvifService.SEARCH, "FindRecordings", true),
    GET_RECORDING_SEARCH_RESULTS(OnvifService.SEARCH, "GetRecordingSearchResults", true),
    GET_REPLAY_URI(OnvifService.REPLAY, "GetReplayUri", true),

    CONTINUOUS_MOVE(OnvifService.PTZ, "ContinuousMove", true),
    STOP(OnvifService.PTZ, "Stop", true),
    GET_PRESETS(OnvifService.PTZ, "GetPresets", true),
    GOTO_PRESET(OnvifService.PTZ, "GotoPreset", true),
    ABSOLUTE_MOVE(OnvifService.PTZ, "AbsoluteMove", true),
    RELATIVE_MOVE(OnvifService.PTZ, "RelativeMove", true),
    SET_PRESET(OnvifService.PTZ, "SetPreset", true),
    REMOVE_PRESET(OnvifService.PTZ, "RemovePreset", true);

    private final OnvifService service;
    private final String operationName;
    private final String action;
    private final boolean authenticated;

    OnvifOperation(OnvifService service, String operationName, boolean authenticated) {
        this(service, operationName, service.namespace() + "/" + operationName, authenticated);
    }

    OnvifOperation(OnvifService service, String operationName, String action) {
        this(service, operationName, action, true);
    }

    OnvifOperation(OnvifService service, String operationName, String action, boolean authenticated) {
        this.service = service;
        this.operationName = operationName;
        this.action = action;
        this.authenticated = authenticated;
    }

    public OnvifService service() {
        return service;
    }

    /** The name as in the WSDL and in captures: "GetProfiles". */
    public String operationName() {
        return operationName;
    }

    /** The SOAP 1.2 action, sent in the Content-Type and, for events, in WS-Addressing. */
    public String action() {
        return action;
    }

    /**
     * Whether the request carries a UsernameToken. GetSystemDateAndTime does not: ONVIF devices
     * answer it without credentials, and its answer is what makes the token's Created valid.
     */
    public boolean authenticated() {
        return authenticated;
    }

    /** The local name of the answer's body element: "GetProfilesResponse". */
    public String responseElement() {
        return operationName + "Response";
    }
}
