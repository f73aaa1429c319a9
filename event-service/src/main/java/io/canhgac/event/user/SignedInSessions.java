package io.canhgac.event.user;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A person's sessions, found in the session store by their name whichever node made them, so that
 * they can be ended at once. Every node is then told ({@link AccessNotices}), which closes the SSE
 * streams and live views it holds for them.
 */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<?> store;
    private final AccessNotices notices;

    SignedInSessions(FindByIndexNameSessionRepository<?> store, AccessNotices notices) {
        this.store = store;
        this.notices = notices;
    }

    /** Ends every session of the person and their streams and live views; returns how many sessions ended. */
    int withdraw(String username) {
        int ended = end(username, null).size();
        notices.withdrawn(username);
        return ended;
    }

    /** Ends the person's sessions but the one they are using (a password change signs out the others). */
    int endOthers(String username, String keepSessionId) {
        List<String> ended = end(username, keepSessionId);
        ended.forEach(notices::sessionEnded);
        return ended.size();
    }

    private List<String> end(String username, String keepSessionId) {
        List<String> ended = store.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keepSessionId)).toList();
        ended.forEach(store::deleteById);
        return ended;
    }
}
