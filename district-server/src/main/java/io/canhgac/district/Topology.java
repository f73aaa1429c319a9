package io.canhgac.district;

/** How the all-in-one server lays the district out ({@code canhgac.topology}). */
enum Topology {
    /** One process: the event-service and one gateway in it pulling every camera (a small district, the quick demo). */
    ALL_IN_ONE,
    /**
     * The normal deployment, on one machine: the event-service as the centre and one gateway
     * process per commune, each pulling only its commune's cameras and reaching the centre only
     * through its own degradable link (a loopback relay, controlled at {@code /links/<commune>/…}).
     */
    COMMUNES
}
