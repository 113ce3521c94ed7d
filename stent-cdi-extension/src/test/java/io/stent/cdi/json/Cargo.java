package io.stent.cdi.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Value types written the way domain-driven code writes them, and a few that cannot be stored. */
final class Cargo {

    private Cargo() {
    }

    /** Private field, differently named getter, protected constructor for JPA, no setter. */
    static class TrackingId {
        private String id;

        protected TrackingId() {
        }

        TrackingId(String id) {
            this.id = id;
        }

        String idString() {
            return id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TrackingId other && Objects.equals(id, other.id);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(id);
        }
    }

    /** Final fields, only a private parameterised constructor and a factory. */
    static final class Money {
        private final BigDecimal amount;
        private final String currency;

        private Money(BigDecimal amount, String currency) {
            this.amount = Objects.requireNonNull(amount);
            this.currency = currency;
        }

        static Money of(String amount, String currency) {
            return new Money(new BigDecimal(amount), currency);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money other && amount.equals(other.amount) && currency.equals(other.currency);
        }

        @Override
        public int hashCode() {
            return amount.hashCode() * 31 + currency.hashCode();
        }
    }

    /** An entity base class with its own private state. */
    abstract static class Versioned {
        private long version = 1;

        long version() {
            return version;
        }

        void bump() {
            version++;
        }
    }

    enum Mode { SEA, AIR }

    /** Inherited state, collections, maps, optionals, enums and java.time. */
    static class Leg extends Versioned {
        private final TrackingId cargo;
        private final List<String> stops = new ArrayList<>();
        private final Map<String, Money> fees = new TreeMap<>();
        private Optional<String> note = Optional.empty();
        private Mode mode;
        private LocalDate day;
        private transient String cachedLabel = "not stored";

        Leg(TrackingId cargo, Mode mode, LocalDate day) {
            this.cargo = cargo;
            this.mode = mode;
            this.day = day;
        }

        Leg stop(String stop) {
            stops.add(stop);
            return this;
        }

        Leg fee(String name, Money money) {
            fees.put(name, money);
            return this;
        }

        Leg note(String text) {
            note = Optional.of(text);
            return this;
        }

        String cachedLabel() {
            return cachedLabel;
        }

        TrackingId cargo() {
            return cargo;
        }

        List<String> stops() {
            return stops;
        }

        Map<String, Money> fees() {
            return fees;
        }

        Optional<String> noteText() {
            return note;
        }

        Mode mode() {
            return mode;
        }

        LocalDate day() {
            return day;
        }
    }

    /** A leg with state of its own, passed where a {@link Leg} is declared. */
    static class ExpressLeg extends Leg {
        private int hours;

        ExpressLeg(TrackingId cargo, int hours) {
            super(cargo, Mode.AIR, LocalDate.of(2026, 1, 1));
            this.hours = hours;
        }
    }

    /** A generic holder, used with a concrete argument. */
    static class Page<T> {
        private List<T> items;
        private T first;

        Page(List<T> items) {
            this.items = items;
            this.first = items.isEmpty() ? null : items.get(0);
        }

        List<T> items() {
            return items;
        }

        T first() {
            return first;
        }
    }

    /** A field whose platform type has no JSON form that reads back as written. */
    static class Counter {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger(3);
    }

    /** A field declared as an interface. */
    static class Holder {
        private final Comparable<String> value;

        Holder(Comparable<String> value) {
            this.value = value;
        }
    }

    /** Refers to itself. */
    static class Node {
        private Node next;
        private String name;

        Node(String name) {
            this.name = name;
        }

        Node link(Node to) {
            next = to;
            return this;
        }

        Node next() {
            return next;
        }

        String name() {
            return name;
        }
    }
}
