package io.canhgac.event.db;

/** Whoever follows a PostgreSQL NOTIFY channel; {@link PostgresNotifications} calls it on its own thread. */
public interface NotificationHandler {

    /** The channel's name, as given to LISTEN (lower case, no quotes). */
    String channel();

    void notified(String payload);

    /**
     * The listening connection was (re)opened: notifications sent while it was away are lost, so
     * whoever needs them reads the tables again here. Also called once at start.
     */
    default void resumed() {
    }
}
