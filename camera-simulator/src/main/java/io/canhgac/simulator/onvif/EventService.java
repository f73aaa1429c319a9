package io.canhgac.simulator.onvif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The event service (tev) and the WS-BaseNotification subscription manager (wsnt): pull-point
 * subscriptions delivering motion and tamper as ONVIF notification messages.
 */
final class EventService implements SoapService {

    static final String TOPIC_DIALECT = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet";

    private final PullPointSubscriptions subscriptions;
    private final Clock clock;

    EventService(PullPointSubscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        SoapRequest r = call.request();
        if (r.is(Ns.TEV, "CreatePullPointSubscription")) {
            return create(call);
        } else if (r.is(Ns.TEV, "PullMessages")) {
            return pull(call);
        } else if (r.is(Ns.TEV, "GetEventProperties")) {
            return SoapService.answer(eventProperties());
        } else if (r.is(Ns.TEV, "SetSynchronizationPoint")) {
            return subscriptions.synchronize(subscriptionId(call))
                    .thenApply(v -> new XmlBuilder().empty("tev:SetSynchronizationPointResponse").toString());
        } else if (r.is(Ns.WSNT, "Renew")) {
            return renew(call);
        } else if (r.is(Ns.WSNT, "Unsubscribe")) {
            return subscriptions.unsubscribe(subscriptionId(call))
                    .thenApply(v -> new XmlBuilder().empty("wsnt:UnsubscribeResponse").toString());
        }
        throw SoapService.unsupported(call);
    }

    private CompletionStage<String> create(SoapCall call) throws SoapFault {
        Duration termination = terminationTime(call.request().param(Ns.TEV, "InitialTerminationTime"));
        return subscriptions.create(termination).thenApply(lease -> new XmlBuilder()
                .open("tev:CreatePullPointSubscriptionResponse")
                .open("tev:SubscriptionReference").leaf("wsa:Address", call.addresses().subscription(lease.id())).close()
                .leaf("wsnt:CurrentTime", Xsd.dateTime(lease.currentTime()))
                .leaf("wsnt:TerminationTime", Xsd.dateTime(lease.terminationTime()))
                .close().toString());
    }

    private CompletionStage<String> pull(SoapCall call) throws SoapFault {
        String id = subscriptionId(call);
        Duration timeout = Xsd.duration(call.request().param(Ns.TEV, "Timeout")
                .orElseThrow(() -> SoapFault.invalidArgs("PullMessages needs a Timeout")));
        String limitText = call.request().param(Ns.TEV, "MessageLimit")
                .orElseThrow(() -> SoapFault.invalidArgs("PullMessages needs a MessageLimit"));
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw SoapFault.invalidArgs("MessageLimit is not a number: " + limitText);
        }
        if (limit < 1) {
            throw SoapFault.invalidArgVal("InvalidArgVal", "MessageLimit must be at least 1");
        }
        return subscriptions.pull(id, timeout, limit, call.connectionClosed()).thenApply(pulled -> {
            XmlBuilder x = new XmlBuilder().open("tev:PullMessagesResponse")
                    .leaf("tev:CurrentTime", Xsd.dateTime(pulled.currentTime()))
                    .leaf("tev:TerminationTime", Xsd.dateTime(pulled.terminationTime()));
            pulled.messages().forEach(m -> notification(x, m));
            return x.close().toString();
        });
    }

    private CompletionStage<String> renew(SoapCall call) throws SoapFault {
        Duration termination = terminationTime(call.request().param(Ns.WSNT, "TerminationTime"));
        return subscriptions.renew(subscriptionId(call), termination).thenApply(lease -> new XmlBuilder()
                .open("wsnt:RenewResponse")
                .leaf("wsnt:TerminationTime", Xsd.dateTime(lease.terminationTime()))
                .leaf("wsnt:CurrentTime", Xsd.dateTime(lease.currentTime()))
                .close().toString());
    }

    /** A requested termination, as a duration from now; zero when none was asked for. */
    private Duration terminationTime(Optional<String> requested) throws SoapFault {
        if (requested.isEmpty() || requested.get().isEmpty()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Duration d = Duration.between(now, Xsd.terminationTime(requested.get(), now));
        if (d.isNegative() || d.isZero()) {
            throw new SoapFault(SoapFault.Code.SENDER, List.of(Ns.TER.q("InvalidArgVal")),
                    "Termination time " + requested.get() + " is not in the future",
                    "<wsnt:UnacceptableTerminationTimeFault><wsrf-bf:Timestamp>" + Xsd.dateTime(now)
                            + "</wsrf-bf:Timestamp></wsnt:UnacceptableTerminationTimeFault>");
        }
        return d;
    }

    /** The pull point is named by the path the request was sent to, or else by its wsa:To header. */
    private String subscriptionId(SoapCall call) throws SoapFault {
        Optional<String> id = ServiceAddresses.subscriptionId(call.path());
        if (id.isEmpty()) {
            id = call.request().wsaTo().flatMap(ServiceAddresses::subscriptionId);
        }
        return id.orElseThrow(() -> subscriptions.resourceUnknown("(none named)"));
    }

    /**
     * The topic tree of the events this camera raises, as ONVIF Core describes it: one element per
     * topic level (the root in tns1, deeper levels unqualified), each topic with its message
     * description. Built from {@link EventTopic}, so the list cannot drift from what is sent.
     */
    private static XmlBuilder eventProperties() {
        XmlBuilder x = new XmlBuilder().open("tev:GetEventPropertiesResponse")
                .leaf("tev:TopicNamespaceLocation", "http://www.onvif.org/onvif/ver10/topics/topicns.xml")
                .leaf("wsnt:FixedTopicSet", true)
                .open("wstop:TopicSet");
        for (EventTopic topic : EventTopic.values()) {
            String[] levels = topic.topic().substring("tns1:".length()).split("/");
            for (int i = 0; i < levels.length; i++) {
                String name = i == 0 ? "tns1:" + levels[i] : levels[i];
                if (i == levels.length - 1) {
                    x.open(name, "wstop:topic", "true");
                    description(x, topic);
                } else {
                    x.open(name);
                }
            }
            for (int i = 0; i < levels.length; i++) {
                x.close();
            }
        }
        return x.close()
                .leaf("wsnt:TopicExpressionDialect", TOPIC_DIALECT)
                .leaf("wsnt:TopicExpressionDialect", "http://docs.oasis-open.org/wsnt/t-1/TopicExpression/ConcreteSet")
                .leaf("tev:MessageContentFilterDialect", "http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter")
                .leaf("tev:MessageContentSchemaLocation", "http://www.onvif.org/onvif/ver10/schema/onvif.xsd")
                .close();
    }

    private static void description(XmlBuilder x, EventTopic topic) {
        x.open("tt:MessageDescription", "IsProperty", "true").open("tt:Source");
        if (topic.ruleEngine()) {
            x.empty("tt:SimpleItemDescription", "Name", "VideoSourceConfigurationToken", "Type", "tt:ReferenceToken")
                    .empty("tt:SimpleItemDescription", "Name", "VideoAnalyticsConfigurationToken", "Type", "tt:ReferenceToken")
                    .empty("tt:SimpleItemDescription", "Name", "Rule", "Type", "xs:string");
        } else {
            x.empty("tt:SimpleItemDescription", "Name", "Source", "Type", "tt:ReferenceToken");
        }
        x.close().open("tt:Data").empty("tt:SimpleItemDescription", "Name", topic.dataItem(), "Type", "xs:boolean")
                .close().close();
    }

    private static void notification(XmlBuilder x, CameraEvent e) {
        x.open("wsnt:NotificationMessage")
                .leaf("wsnt:Topic", e.topic().topic(), "Dialect", TOPIC_DIALECT)
                .open("wsnt:Message")
                .open("tt:Message", "UtcTime", Xsd.dateTime(e.time()), "PropertyOperation", e.initial() ? "Initialized" : "Changed")
                .open("tt:Source");
        if (e.topic().ruleEngine()) {
            x.empty("tt:SimpleItem", "Name", "VideoSourceConfigurationToken", "Value", MediaService.VIDEO_SOURCE_CONFIGURATION)
                    .empty("tt:SimpleItem", "Name", "VideoAnalyticsConfigurationToken", "Value", MediaService.VIDEO_ANALYTICS_CONFIGURATION)
                    .empty("tt:SimpleItem", "Name", "Rule", "Value", "MotionDetectorRule");
        } else {
            x.empty("tt:SimpleItem", "Name", "Source", "Value", MediaService.VIDEO_SOURCE);
        }
        x.close()
                .open("tt:Data").empty("tt:SimpleItem", "Name", e.topic().dataItem(), "Value", String.valueOf(e.value())).close()
                .close().close().close();
    }
}
