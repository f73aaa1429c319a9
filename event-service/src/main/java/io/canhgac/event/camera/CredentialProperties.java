package io.canhgac.event.camera;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts camera passwords at rest.
 *
 * @param key     base64 of a 32-byte AES key; blank to use (and on first start create) {@code keyFile}
 * @param keyFile where the key is kept when none is configured; losing it means entering every
 *                camera password again, so back it up with the database
 */
@ConfigurationProperties("canhgac.credentials")
record CredentialProperties(@DefaultValue("") String key, @DefaultValue("data/credentials.key") String keyFile) {
}
