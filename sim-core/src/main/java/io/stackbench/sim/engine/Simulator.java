package io.stackbench.sim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The discrete-event engine: one queue of events ordered by (time, insertion sequence), so two
 * events at the same instant always run in the order they were scheduled.
 *
 * <p>The queue is a binary heap over an array of events; a cancelled event stays in the heap and is
 * skipped when it reaches the top, which keeps {@link Timer#cancel()} O(1). Nothing here reads a
 * clock or starts a thread: time moves only when an event runs.
 */
public final class Simulator {

    /** Default event budget of a run; a scenario may raise it. */
    public static final long DEFAULT_EVENT_BUDGET = 50_000_000L;

    private Event[] heap = new Event[256];
    private int size;
    private long now;
    private long nextSequence;
    private long eventsRun;
    private long eventBudget = DEFAULT_EVENT_BUDGET;

    /** Returns the current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Returns how many events have run so far. */
    public long eventsRun() {
        return eventsRun;
    }

    /** Returns how many events are queued, cancelled ones included. */
    public int queuedEvents() {
        return size;
    }

    /** Sets the maximum number of events a run may execute before it stops with {@link SimulationLimitException}. */
    public void setEventBudget(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("event budget must be positive, got " + budget);
        }
        this.eventBudget = budget;
    }

    /** Schedules {@code action} at absolute simulated time {@code at}, which must not be in the past. */
    public Timer scheduleAt(long at, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule at " + SimTime.format(at) + ", before now " + SimTime.format(now));
        }
        Event event = new Event(this, at, nextSequence++, action);
        push(event);
        return event;
    }

    /** Schedules {@code action} {@code delay} nanoseconds from now. */
    public Timer scheduleAfter(long delay, Runnable action) {
        if (delay < 0) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay + " ns");
        }
        return scheduleAt(Math.addExact(now, delay), action);
    }

    /**
     * Runs every event whose time is at most {@code endTime}, in order, then sets the clock to
     * {@code endTime}. Events scheduled later stay queued, so a caller can run in slices.
     *
     * @throws SimulationLimitException when the event budget is used up
     */
    public void runUntil(long endTime) {
        if (endTime < now) {
            throw new IllegalArgumentException("cannot run until " + SimTime.format(endTime) + ", before now " + SimTime.format(now));
        }
        while (size > 0 && heap[0].time <= endTime) {
            Event event = pop();
            if (event.state != Event.PENDING) {
                continue;
            }
            if (eventsRun >= eventBudget) {
                push(event);
                throw new SimulationLimitException("event budget of " + eventBudget + " events used up at "
                        + SimTime.format(event.time) + " with " + size + " events still queued; the scenario is probably"
                        + " running away (a storm of frames or timers). Raise the budget with \"limits\": {\"events\": N}"
                        + " if the load is intended", eventsRun, event.time);
            }
            now = event.time;
            event.state = Event.FIRED;
            eventsRun++;
            event.action.run();
        }
        now = endTime;
    }

    /** Runs until the queue is empty. Meant for tests; scenarios always run to a fixed end time. */
    public void runAll() {
        while (size > 0) {
            runUntil(heap[0].time);
            dropCancelledTop();
        }
    }

    private void dropCancelledTop() {
        while (size > 0 && heap[0].state != Event.PENDING) {
            pop();
        }
    }

    private void push(Event event) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!event.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = event;
    }

    private Event pop() {
        Event top = heap[0];
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Event c = heap[child];
                int right = child + 1;
                if (right < size && heap[right].before(c)) {
                    child = right;
                    c = heap[child];
                }
                if (!c.before(last)) {
                    break;
                }
                heap[i] = c;
                i = child;
            }
            heap[i] = last;
        }
        return top;
    }

    private static final class Event implements Timer {
        static final byte PENDING = 0;
        static final byte FIRED = 1;
        static final byte CANCELLED = 2;

        final Simulator owner;
        final long time;
        final long sequence;
        final Runnable action;
        byte state = PENDING;

        Event(Simulator owner, long time, long sequence, Runnable action) {
            this.owner = owner;
            this.time = time;
            this.sequence = sequence;
            this.action = action;
        }

        boolean before(Event other) {
            return time < other.time || (time == other.time && sequence < other.sequence);
        }

        @Override
        public void cancel() {
            if (state == PENDING) {
                state = CANCELLED;
            }
        }

        @Override
        public boolean isPending() {
            return state == PENDING;
        }

        @Override
        public long deadline() {
            return time;
        }
    }
}
