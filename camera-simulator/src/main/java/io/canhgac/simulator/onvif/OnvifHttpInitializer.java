package io.canhgac.simulator.onvif;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** The pipeline of one ONVIF HTTP connection, read top-down. */
final class OnvifHttpInitializer extends ChannelInitializer<Channel> {

    /** Longer than the longest PullMessages wait, during which the client sends nothing. */
    static final int IDLE_SECONDS = (int) PullPointSubscriptions.MAX_PULL_TIMEOUT.toSeconds() + 60;

    private final ChannelGroup connections;
    private final OnvifSoapDispatcher dispatcher;
    private final HttpDigestAuthenticator digest;
    private final MediaCatalog media;

    OnvifHttpInitializer(ChannelGroup connections, OnvifSoapDispatcher dispatcher, HttpDigestAuthenticator digest,
                         MediaCatalog media) {
        this.connections = connections;
        this.dispatcher = dispatcher;
        this.digest = digest;
        this.media = media;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (connections != null) {
            connections.add(ch);
        }
        ChannelPipeline p = ch.pipeline();
        p.addLast(new ReadTimeoutHandler(IDLE_SECONDS));
        p.addLast(new HttpServerCodec(4096, 8192, 8192));
        // Bodies past the XML size limit are refused with 413 before anything parses them.
        p.addLast(new HttpObjectAggregator(SafeXmlParser.MAX_BYTES));
        p.addLast(new OnvifHttpHandler(dispatcher, digest, media));
    }
}
