package io.canhgac.event.publish;

import io.canhgac.event.alert.RaisedAlert;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each alert with QoS 1 and waits for the broker's PUBACK. The relay owns reconnecting
 * (Paho's own reconnect and offline buffer are off), so there is one queue and one backoff to reason about.
 */
final class MqttAlertChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(MqttAlertChannel.class);
    static final int QOS = 1;

    private final MqttProperties properties;
    private MqttClient client;

    MqttAlertChannel(MqttProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    /**
     * {@code <prefix>/<commune>/<camera>/alert}, or {@code <prefix>/gateways/<gateway>/alert} for a gateway's
     * alert (it has no camera and may hold several communes); ids never hold wildcards, but a stray one
     * must not widen a subscription.
     */
    static String topic(String prefix, RaisedAlert alert) {
        if (alert.aboutGateway()) {
            return prefix + "/" + GATEWAYS + "/" + level(alert.gateway()) + "/alert";
        }
        return prefix + "/" + level(alert.communeId()) + "/" + level(alert.cameraId()) + "/alert";
    }

    /** The topic level under which gateways' alerts go, where a commune's id would be. */
    static final String GATEWAYS = "gateways";

    private static String level(String id) {
        return id.replaceAll("[/#+]", "_");
    }

    @Override
    public Delivery deliver(RaisedAlert alert, byte[] json) throws MqttException {
        connected().publish(topic(properties.topicPrefix(), alert), json, QOS, false);
        return Delivery.DELIVERED;
    }

    private MqttClient connected() throws MqttException {
        if (client != null && client.isConnected()) {
            return client;
        }
        close();
        // in memory only: Paho's default persistence writes files into the working directory
        MqttClient fresh = new MqttClient(properties.url(), properties.clientId(), new MemoryPersistence());
        fresh.setTimeToWait(properties.timeout().toMillis());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, properties.timeout().toSeconds()));
        options.setKeepAliveInterval(30);
        if (!properties.username().isBlank()) {
            options.setUserName(properties.username());
            options.setPassword(properties.password().toCharArray());
        }
        try {
            fresh.connect(options);
        } catch (MqttException e) {
            closeQuietly(fresh);
            throw e;
        }
        log.info("mqtt: connected to {} as {}", properties.url(), properties.clientId());
        client = fresh;
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
    }

    private static void closeQuietly(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
        } catch (MqttException e) {
            log.debug("mqtt: disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("mqtt: close: {}", e.toString());
        }
    }
}
