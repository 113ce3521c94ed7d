package io.stent.demo;

/**
 * What a customer orders.
 *
 * @param orderRef the order's reference
 * @param item the item
 * @param quantity how many
 * @param unitCents the price of one
 */
public record OrderRequest(String orderRef, String item, int quantity, int unitCents) {
}
