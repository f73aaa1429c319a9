package io.canhgac.gateway.site;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A stream URL without its account, and the account, so that the registry stores the password
 * encrypted rather than inside the URL.
 */
public record StreamAccount(String url, String username, String password) {

    /** @throws IllegalArgumentException not a URL */
    public static StreamAccount split(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return new StreamAccount(url, null, null);
            }
            String[] parts = uri.getUserInfo().split(":", 2);
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            return new StreamAccount(bare.toString(), parts[0], parts.length > 1 ? parts[1] : "");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a stream URL: " + e.getMessage());
        }
    }
}
