package io.stent.it.chaos;

/** A value object: a private final field, a getter named otherwise, no no-argument constructor. */
public final class OrderId {

    private final int number;

    private OrderId(int number) {
        this.number = number;
    }

    /**
     * An order id.
     *
     * @param number its number
     * @return the id
     */
    public static OrderId of(int number) {
        return new OrderId(number);
    }

    /**
     * The number.
     *
     * @return the number
     */
    public int asNumber() {
        return number;
    }

    /**
     * The order's tag in the effects table.
     *
     * @return {@code chaos-<number>}
     */
    public String tag() {
        return "chaos-" + number;
    }
}
