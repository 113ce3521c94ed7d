package io.stent.cdi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Value types in the style of a domain-driven application: private fields, no setters. */
public final class Freight {

    private Freight() {
    }

    /** Private field, a getter named differently, a protected constructor for JPA. */
    public static class TrackingId {
        private String id;

        protected TrackingId() {
        }

        public TrackingId(String id) {
            this.id = id;
        }

        public String idString() {
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

        @Override
        public String toString() {
            return id;
        }
    }

    /** Final fields and only a parameterised constructor. */
    public static final class Money {
        private final BigDecimal amount;
        private final String currency;

        public Money(BigDecimal amount, String currency) {
            this.amount = amount;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money other && amount.compareTo(other.amount) == 0 && currency.equals(other.currency);
        }

        @Override
        public int hashCode() {
            return currency.hashCode();
        }

        @Override
        public String toString() {
            return amount + " " + currency;
        }
    }

    /** A leg of a route: a value object holding other value objects. */
    public static class Leg {
        private final TrackingId cargo;
        private final List<String> stops;

        public Leg(TrackingId cargo, List<String> stops) {
            this.cargo = cargo;
            this.stops = new ArrayList<>(stops);
        }

        public TrackingId cargo() {
            return cargo;
        }

        public List<String> stops() {
            return stops;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Leg other && cargo.equals(other.cargo) && stops.equals(other.stops);
        }

        @Override
        public int hashCode() {
            return cargo.hashCode();
        }

        @Override
        public String toString() {
            return cargo + stops.toString();
        }
    }

    /** A leg with state of its own: refused where a {@link Leg} is declared. */
    public static class ExpressLeg extends Leg {
        private final int hours;

        public ExpressLeg(TrackingId cargo, int hours) {
            super(cargo, List.of());
            this.hours = hours;
        }

        public int hours() {
            return hours;
        }
    }
}
