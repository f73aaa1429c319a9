package io.canhgac.event.user;

/** What a signed-in person does; the Spring authority is {@code ROLE_<name>}. */
public enum Role {
    /** The district's IT officer: accounts, audit trail, actuator. Sees every commune. */
    ADMIN(true),
    /** Police and security staff at the operations centre. Sees every commune. */
    OPERATOR(true),
    /** Installs and repairs cameras. Sees every commune. */
    TECHNICIAN(true),
    /** Head of one commune: sees that commune only. */
    COMMUNE_HEAD(false);

    private final boolean districtWide;

    Role(boolean districtWide) {
        this.districtWide = districtWide;
    }

    public boolean districtWide() {
        return districtWide;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
