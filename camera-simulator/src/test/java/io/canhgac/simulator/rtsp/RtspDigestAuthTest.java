package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.CameraCredentials;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.canhgac.simulator.rtsp.RtspDigestAuth.md5;
import static org.assertj.core.api.Assertions.assertThat;

class RtspDigestAuthTest {

    private final AtomicReference<CameraCredentials> account = new AtomicReference<>(new CameraCredentials("admin", "NS@1234"));
    private final RtspDigestAuth auth = new RtspDigestAuth("cam", account::get);

    /** What a client computes, written out independently of the class under test. */
    private static String answer(String user, String password, String nonce, String method, String uri) {
        String response = md5(md5(user + ":cam:" + password) + ":" + nonce + ":" + md5(method + ":" + uri));
        return "Digest username=\"" + user + "\", realm=\"cam\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\"";
    }

    @Test
    void acceptsTheRightAnswerToItsOwnNonceOnly() {
        String nonce = auth.newNonce();
        String uri = "rtsp://127.0.0.1:8554/sub";
        assertThat(auth.challenge(nonce)).isEqualTo("Digest realm=\"cam\", nonce=\"" + nonce + "\", algorithm=MD5");
        assertThat(auth.verify("DESCRIBE", answer("admin", "NS@1234", nonce, "DESCRIBE", uri), nonce)).isTrue();
        assertThat(auth.verify("DESCRIBE", answer("admin", "wrong", nonce, "DESCRIBE", uri), nonce)).isFalse();
        assertThat(auth.verify("DESCRIBE", answer("root", "NS@1234", nonce, "DESCRIBE", uri), nonce)).isFalse();
        assertThat(auth.verify("SETUP", answer("admin", "NS@1234", nonce, "DESCRIBE", uri), nonce)).as("method bound").isFalse();
        assertThat(auth.verify("DESCRIBE", answer("admin", "NS@1234", "other", "DESCRIBE", uri), nonce)).as("stale nonce").isFalse();
        assertThat(auth.verify("DESCRIBE", null, nonce)).isFalse();
        assertThat(auth.verify("DESCRIBE", "Basic YWRtaW46TlNAMTIzNA==", nonce)).isFalse();
    }

    @Test
    void qopAuthAnswersAreChecked() {
        String nonce = auth.newNonce();
        String uri = "rtsp://127.0.0.1:8554/main";
        String ha1 = md5("admin:cam:NS@1234");
        String response = md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + md5("PLAY:" + uri));
        String header = "Digest username=\"admin\", realm=\"cam\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", qop=auth, nc=00000001, cnonce=\"abcdef\", response=\"" + response + "\"";
        assertThat(auth.verify("PLAY", header, nonce)).isTrue();
        assertThat(auth.verify("PLAY", header.replace("cnonce=\"abcdef\"", "cnonce=\"abcdeg\""), nonce)).isFalse();
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        String nonce = auth.newNonce();
        String old = answer("admin", "NS@1234", nonce, "DESCRIBE", "rtsp://h/sub");
        account.set(new CameraCredentials("admin", "new-secret"));
        assertThat(auth.verify("DESCRIBE", old, nonce)).isFalse();
        assertThat(auth.verify("DESCRIBE", answer("admin", "new-secret", nonce, "DESCRIBE", "rtsp://h/sub"), nonce)).isTrue();
    }
}
