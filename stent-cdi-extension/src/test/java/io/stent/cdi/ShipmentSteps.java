package io.stent.cdi;

import io.stent.Durable;
import io.stent.cdi.Freight.Leg;
import io.stent.cdi.Freight.Money;
import io.stent.cdi.Freight.TrackingId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Steps with void, primitive, optional and collection results and value-object arguments. */
@ApplicationScoped
public class ShipmentSteps {

    @Inject
    Calls calls;

    @Durable
    public void inspect(TrackingId id) {
        calls.increment("inspect:" + id.idString());
    }

    @Durable
    public int weigh(TrackingId id) {
        calls.increment("weigh:" + id.idString());
        return id.idString().length() * 10;
    }

    @Durable
    public Optional<Money> quote(TrackingId id, boolean free) {
        calls.increment("quote:" + id.idString());
        return free ? Optional.empty() : Optional.of(new Money(new BigDecimal("12.50"), "EUR"));
    }

    @Durable
    public List<Leg> route(TrackingId id) {
        calls.increment("route:" + id.idString());
        return List.of(new Leg(id, List.of("Rotterdam", "Oslo")), new Leg(id, List.of("Oslo", "Tromso")));
    }

    @Durable
    public Map<String, Money> fees(Leg leg) {
        calls.increment("fees:" + leg.cargo().idString());
        return Map.of("port", new Money(new BigDecimal(leg.stops().size()), "EUR"));
    }

    @Durable
    public boolean approve(Leg leg) {
        calls.increment("approve:" + leg.cargo().idString());
        return leg.stops().contains("Oslo");
    }

    @Durable
    public String echo(String text) {
        return text;
    }

    @Durable(maxAttempts = 3, initialBackoff = "PT0.001S")
    public String inflate(String key, int length) {
        calls.increment("inflate:" + key);
        return "x".repeat(length);
    }

    @Durable(maxAttempts = 1)
    public int deepFailure(String key, int depth) {
        if (depth > 0) {
            return deepFailure0(key, depth - 1);
        }
        throw new IllegalStateException("failed deep down " + key + " " + "m".repeat(5000));
    }

    private int deepFailure0(String key, int depth) {
        if (depth > 0) {
            return deepFailure0(key, depth - 1);
        }
        throw new IllegalStateException("failed deep down " + key + " " + "m".repeat(5000));
    }
}
