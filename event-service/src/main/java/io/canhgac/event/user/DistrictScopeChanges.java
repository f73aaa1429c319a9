package io.canhgac.event.user;

import org.springframework.stereotype.Component;

/**
 * A district's communes changed: the operators scoped to it hold the old list in their sessions, so
 * their sessions and streams end and they sign in again with the new one (as after an account edit).
 */
@Component
public class DistrictScopeChanges {

    private final UserRepository users;
    private final SignedInSessions sessions;

    DistrictScopeChanges(UserRepository users, SignedInSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    public void communesChanged(String districtId) {
        users.scopedTo(districtId).forEach(sessions::withdraw);
    }
}
