package io.canhgac.event.user;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A signed-in person, kept in the session: who, in which role, for which commune. */
public final class AppUser implements UserDetails, CredentialsContainer {

    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final String communeId;
    private final boolean enabled;
    private final boolean mustChangePassword;

    AppUser(String username, String passwordHash, String displayName, Role role, String communeId, boolean enabled,
            boolean mustChangePassword) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.communeId = communeId;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    /** An admin set the password (new account, reset): nothing but changing it is open until it is changed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The same person once they have chosen their own password, for the session. */
    AppUser withOwnPassword() {
        return new AppUser(username, null, displayName, role, communeId, enabled, false);
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The commune of a commune head; null for district-wide roles. */
    public String communeId() {
        return communeId;
    }

    public CommuneScope scope() {
        return role.districtWide() ? CommuneScope.DISTRICT : CommuneScope.only(communeId);
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
        return username + " (" + role + (communeId == null ? "" : ", " + communeId) + ")";
    }
}
