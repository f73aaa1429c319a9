package io.canhgac.event.live;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.net.URI;

/** Where browsers reach the live server (live view and playback): the address tickets point at. */
@Component
class LiveAddress {

    private final LiveProperties properties;
    private final ObjectProvider<LiveServer> inProcess; // the centre's live server, when this process runs one

    LiveAddress(LiveProperties properties, ObjectProvider<LiveServer> inProcess) {
        this.properties = properties;
        this.inProcess = inProcess;
    }

    /** The configured address, else the host the browser came to, on the live server's port. */
    URI base(HttpServletRequest http) {
        if (!properties.url().isBlank()) {
            return URI.create(properties.url().replaceAll("/+$", ""));
        }
        LiveServer server = inProcess.getIfAvailable();
        int port = server == null ? properties.port() : server.port();
        String scheme = http.isSecure() ? "wss" : "ws";
        String host = http.getServerName().contains(":") ? "[" + http.getServerName() + "]" : http.getServerName();
        return URI.create(scheme + "://" + host + ":" + port);
    }
}
