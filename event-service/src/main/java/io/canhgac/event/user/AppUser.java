package io.canhgac.event.user;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A signed-in person, kept in the session: who, in which role, for which district or commune. */
public final class AppUser implements UserDetails, CredentialsContainer {

    /**
     * The class's serial number as it was before districts (serialver): sessions kept in the database from before
     * the upgrade still read, with no district (the fields added since are null in them).
     */
    private static final long serialVersionUID = -3768446761118730963L;

    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final String communeId;
    private final String districtId;
    /** The communes of {@code districtId} when they signed in. */
    private final Set<String> districtCommunes;
    private final boolean enabled;
    private final boolean mustChangePassword;

    AppUser(String username, String passwordHash, String displayName, Role role, String communeId, String districtId,
            Set<String> districtCommunes, boolean enabled, boolean mustChangePassword) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.communeId = communeId;
        this.districtId = districtId;
        // null in a session from before districts (see serialVersionUID), passed on by withOwnPassword
        this.districtCommunes = districtCommunes == null ? Set.of() : Set.copyOf(districtCommunes);
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    /** An admin set the password (new account, reset): nothing but changing it is open until it is changed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The same person once they have chosen their own password, for the session. */
    AppUser withOwnPassword() {
        return new AppUser(username, null, displayName, role, communeId, districtId, districtCommunes, enabled, false);
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The commune of a commune head; null for the other roles. */
    public String communeId() {
        return communeId;
    }

    /** The district an operator is scoped to; null when they see the whole region. */
    public String districtId() {
        return districtId;
    }

    public CommuneScope scope() {
        if (districtId != null) {
            return CommuneScope.of(districtCommunes);
        }
        return role.regionWide() ? CommuneScope.REGION : CommuneScope.only(communeId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is not kept in the session once the login is checked. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username + " (" + role + (communeId == null ? "" : ", " + communeId)
                + (districtId == null ? "" : ", district " + districtId) + ")";
    }
}
