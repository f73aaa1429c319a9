package io.canhgac.event.publish;

import io.canhgac.event.alert.RaisedAlert;

/** Where raised alerts go beyond the browsers: an MQTT broker, a webhook. One delivery at a time, from the relay's thread. */
interface AlertChannel extends AutoCloseable {

    enum Delivery {
        /** Taken by the other side (MQTT PUBACK, HTTP 2xx). */
        DELIVERED,
        /** Refused for good (e.g. HTTP 400): retrying the same alert would not help. */
        REFUSED
    }

    /** For logs and metric tags: "mqtt", "webhook". */
    String name();

    /** Delivers one alert; an exception means "not now": the relay backs off and tries the same alert again. */
    Delivery deliver(RaisedAlert alert, byte[] json) throws Exception;

    /** Drops the connection after a failure (the next delivery reconnects) and at shutdown. */
    @Override
    void close();
}
