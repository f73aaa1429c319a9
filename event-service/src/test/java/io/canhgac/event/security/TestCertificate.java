package io.canhgac.event.security;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A district's own certificate, as docs/https.md makes it: the JDK's keytool, a PKCS#12 key store
 * for the server's SSL bundle, valid for 127.0.0.1 and localhost; and a client that trusts only it.
 */
final class TestCertificate {

    static final String PASSWORD = "canhgac-test";
    static final String ALIAS = "canhgac";

    final Path keyStore;

    private TestCertificate(Path keyStore) {
        this.keyStore = keyStore;
    }

    static TestCertificate create() {
        try {
            Path dir = Files.createTempDirectory("canhgac-tls");
            Path store = dir.resolve("canhgac.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost, O=Canh Gac test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new TestCertificate(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's SSL bundle "web" from this key store, and server.ssl.bundle pointing at it. */
    List<String> serverProperties() {
        return List.of("spring.ssl.bundle.jks.web.keystore.location=file:" + keyStore,
                "spring.ssl.bundle.jks.web.keystore.password=" + PASSWORD,
                "spring.ssl.bundle.jks.web.keystore.type=PKCS12",
                "spring.ssl.bundle.jks.web.key.alias=" + ALIAS,
                "server.ssl.bundle=web");
    }

    /** A client context trusting this certificate alone (the JDK's trust store takes a key entry's certificate). */
    SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, store.getCertificate(ALIAS));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
