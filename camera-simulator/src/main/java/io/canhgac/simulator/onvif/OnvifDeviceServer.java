package io.canhgac.simulator.onvif;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One camera's ONVIF web service on a loopback address: device, media (Media and/or Media2 as the
 * firmware has them), imaging, events and PTZ over SOAP 1.2 (or 1.1), and the snapshot JPEG. Stopping it closes the port and every connection and forgets event
 * subscriptions, as a reboot does; starting it again binds the same address.
 */
public final class OnvifDeviceServer {

    private static final int REBIND_ATTEMPTS = 30;
    private static final long REBIND_PAUSE_MILLIS = 100;

    private final EventLoopGroup group;
    private final OnvifDevice device;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private InetSocketAddress address;
    private volatile ServiceAddresses addresses;
    private Channel listener;
    private PullPointSubscriptions subscriptions;

    /**
     * @param address a loopback address; port 0 picks a free port, kept across restarts
     */
    public OnvifDeviceServer(EventLoopGroup group, InetSocketAddress address, OnvifDevice device) {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the simulated ONVIF device serves loopback only, not " + address);
        }
        this.group = group;
        this.address = address;
        this.device = device;
    }

    public synchronized void start() throws InterruptedException {
        if (listener != null) {
            return;
        }
        subscriptions = new PullPointSubscriptions(group.next(), device.events(), device.clock());
        subscriptions.open();
        EventService events = new EventService(subscriptions, device.clock());
        OnvifSoapDispatcher dispatcher = new OnvifSoapDispatcher(
                new UsernameTokenVerifier(device.credentials(), device.clock(), UsernameTokenVerifier.DEFAULT_TOLERANCE),
                services(device, events),
                () -> addresses, device.firmware().answersSoap11());
        HttpDigestAuthenticator digest = new HttpDigestAuthenticator(device.credentials(), device.clock());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new OnvifHttpInitializer(connections, dispatcher, digest, device.media()));
        try {
            listener = bind(bootstrap);
        } catch (InterruptedException | RuntimeException e) {
            subscriptions.close();
            throw e;
        }
        address = (InetSocketAddress) listener.localAddress(); // keep the port if it was ephemeral
        addresses = ServiceAddresses.of(address);
    }

    /**
     * Binds the address. A restarted camera binds the port it had, which the system may still hold
     * for a moment after the stop (a closing connection): like a rebooting device, it tries again
     * for a few seconds before giving up.
     */
    private Channel bind(ServerBootstrap bootstrap) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ChannelFuture bound = bootstrap.bind(address).await();
            if (bound.isSuccess()) {
                return bound.channel();
            }
            if (!(bound.cause() instanceof BindException) || address.getPort() == 0 || attempt == REBIND_ATTEMPTS) {
                return bound.sync().channel(); // fails as before, with the cause itself
            }
            Thread.sleep(REBIND_PAUSE_MILLIS);
        }
    }

    /** The services by namespace; a fixed camera has no PTZ service, so PTZ calls are not supported. */
    private static Map<Ns, SoapService> services(OnvifDevice device, EventService events) {
        Map<Ns, SoapService> services = new java.util.EnumMap<>(Map.of(Ns.TDS, new DeviceService(device),
                Ns.TIMG, new ImagingService(device),
                Ns.TEV, events,
                Ns.WSNT, events)); // Renew and Unsubscribe are WS-BaseNotification operations
        if (device.firmware().hasMedia()) {
            services.put(Ns.TRT, new MediaService(device));
        }
        if (device.firmware().hasMedia2()) {
            services.put(Ns.TR2, new Media2Service(device));
        }
        if (device.hasPtz()) {
            services.put(Ns.TPTZ, new PtzService(device));
        }
        if (device.recordings() != null) {
            services.put(Ns.TSE, new SearchService(device.recordings()));
            services.put(Ns.TRP, new ReplayService(device.recordings()));
        }
        return services;
    }

    public synchronized void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        connections.close().syncUninterruptibly();
        if (subscriptions != null) {
            subscriptions.close();
            subscriptions = null;
        }
    }

    public synchronized boolean isRunning() {
        return listener != null;
    }

    public synchronized InetSocketAddress address() {
        return address;
    }

    /** The device service URL, which WS-Discovery advertises as the XAddr: {@code http://127.0.0.11:8080/onvif/device_service}. */
    public synchronized String deviceServiceUrl() {
        return ServiceAddresses.of(address).device();
    }

    public OnvifDevice device() {
        return device;
    }
}
