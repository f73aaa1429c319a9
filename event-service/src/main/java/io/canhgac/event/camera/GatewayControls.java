package io.canhgac.event.camera;

/**
 * Finds the gateway that reaches a commune's cameras: the one holding the commune (over its own
 * control link), else the gateway in this process, if any.
 */
public interface GatewayControls {

    /**
     * @param communeId the commune whose cameras or network to reach; null when the caller does not
     *                  know it (a sweep typed without a commune): then the district's only gateway
     * @throws GatewayUnavailableException no gateway reaches it now; the message says which and why
     */
    GatewayControl forCommune(String communeId);

    /** The registry changed (a camera onboarded, edited, switched off): every gateway follows it. */
    void camerasChanged();

    /** This gateway's cameras changed (it announced its site's inventory): it follows them now. */
    default void camerasChanged(java.util.UUID gatewayId) {
        camerasChanged();
    }
}
