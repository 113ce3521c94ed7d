package io.stent.test.sample;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The steps of the sample workflow; it remembers every call, so tests can count them. */
@ApplicationScoped
public class Shipping {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;

    /** Reserves stock. @param order the order @return a reservation id */
    @Durable(name = "shipping.reserve")
    public String reserve(String order) {
        calls.add("reserve " + order);
        return "r-" + order;
    }

    /** Charges the customer; fails while {@link #failNextCharges} says so. @param order the order */
    @Durable(name = "shipping.charge", maxAttempts = 5)
    public void charge(String order) {
        calls.add("charge " + order);
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("card declined");
        }
    }

    /** Ships. @param reservation the reservation @return the tracking code */
    @Durable(name = "shipping.ship")
    public String ship(String reservation) {
        calls.add("ship " + reservation);
        return "t-" + reservation;
    }

    /** @param count how many charges fail before one succeeds */
    public void failNextCharges(int count) {
        failuresLeft = count;
    }

    /** @return every step body that ran, in order */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls. */
    public void clear() {
        calls.clear();
        failuresLeft = 0;
    }
}
