package io.canhgac.event.user;

/**
 * What a signed-in person does; the Spring authority is {@code ROLE_<name>}. The role and the scope
 * combine so: admins and technicians see the whole region; an operator sees the whole region or,
 * scoped to a district, that district's communes; a commune head sees their commune only.
 */
public enum Role {
    /** The IT officer: accounts, districts, audit trail, actuator. Sees every commune of the region. */
    ADMIN(true, false),
    /** Police and security staff at an operations centre. The whole region, or one district. */
    OPERATOR(true, true),
    /** Installs and repairs cameras. Sees every commune (registry writes are not district-checked yet). */
    TECHNICIAN(true, false),
    /** Head of one commune: sees that commune only. */
    COMMUNE_HEAD(false, false);

    private final boolean regionWide;
    private final boolean districtScoped;

    Role(boolean regionWide, boolean districtScoped) {
        this.regionWide = regionWide;
        this.districtScoped = districtScoped;
    }

    /** Sees every commune unless scoped to a district; a role that is not has a commune instead. */
    public boolean regionWide() {
        return regionWide;
    }

    /** May be given a district, which then limits what the person sees to its communes. */
    public boolean districtScoped() {
        return districtScoped;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
