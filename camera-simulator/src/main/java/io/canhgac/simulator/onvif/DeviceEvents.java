package io.canhgac.simulator.onvif;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The camera-side states the simulator drives — motion and tamper — which event subscribers are
 * told about. Like a camera's ONVIF properties, only changes make events: saying "motion" twice
 * raises one event. Callable from any thread.
 */
public final class DeviceEvents {

    private final Clock clock;
    private final Map<EventTopic, Boolean> states = new EnumMap<>(EventTopic.class);
    private final List<Consumer<CameraEvent>> listeners = new CopyOnWriteArrayList<>();

    public DeviceEvents() {
        this(Clock.systemUTC());
    }

    public DeviceEvents(Clock clock) {
        this.clock = clock;
        for (EventTopic t : EventTopic.values()) {
            states.put(t, false);
        }
    }

    /** Motion starts (true) or stops (false) in the picture. */
    public void motion(boolean active) {
        set(EventTopic.MOTION, active);
    }

    /** The camera is covered, turned or blinded (true), or sees normally again (false). */
    public void tamper(boolean active) {
        set(EventTopic.TAMPER, active);
    }

    public synchronized boolean motionActive() {
        return states.get(EventTopic.MOTION);
    }

    public synchronized boolean tamperActive() {
        return states.get(EventTopic.TAMPER);
    }

    /** The current value of every topic, as a new subscription's first messages. */
    synchronized List<CameraEvent> initialStates() {
        var now = clock.instant();
        return states.entrySet().stream().map(e -> new CameraEvent(e.getKey(), e.getValue(), now, true)).toList();
    }

    void addListener(Consumer<CameraEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<CameraEvent> listener) {
        listeners.remove(listener);
    }

    private void set(EventTopic topic, boolean value) {
        CameraEvent event;
        synchronized (this) {
            if (states.put(topic, value) == value) {
                return;
            }
            event = new CameraEvent(topic, value, clock.instant(), false);
        }
        listeners.forEach(l -> l.accept(event)); // outside the lock: listeners hop to their own event loop
    }
}
