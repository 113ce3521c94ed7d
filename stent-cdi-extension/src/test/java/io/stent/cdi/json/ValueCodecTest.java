package io.stent.cdi.json;

import io.stent.cdi.json.Cargo.Counter;
import io.stent.cdi.json.Cargo.ExpressLeg;
import io.stent.cdi.json.Cargo.Holder;
import io.stent.cdi.json.Cargo.Leg;
import io.stent.cdi.json.Cargo.Mode;
import io.stent.cdi.json.Cargo.Money;
import io.stent.cdi.json.Cargo.Node;
import io.stent.cdi.json.Cargo.Page;
import io.stent.cdi.json.Cargo.TrackingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueCodecTest {

    private final ValueCodec codec = new ValueCodec();

    @AfterEach
    void close() {
        codec.close();
    }

    private Object roundTrip(Object value, Type type) {
        return codec.read(codec.write(value, type), type);
    }

    private static Type typeOf(String method) throws NoSuchMethodException {
        for (var candidate : ValueCodecTest.class.getDeclaredMethods()) {
            if (candidate.getName().equals(method)) {
                return candidate.getGenericReturnType();
            }
        }
        throw new NoSuchMethodException(method);
    }

    @SuppressWarnings("unused")
    private static Page<TrackingId> pageOfIds() {
        return null;
    }

    @SuppressWarnings("unused")
    private static Page<Leg> pageOfLegs() {
        return null;
    }

    @SuppressWarnings("unused")
    private static Map<TrackingId, Money> feesById() {
        return null;
    }

    @SuppressWarnings("unused")
    private static Optional<Money> maybeMoney() {
        return null;
    }

    @SuppressWarnings("unused")
    private static Set<Mode> modes() {
        return null;
    }

    @Test
    void valueObjectWithPrivateFieldAndOtherwiseNamedGetter_roundTripsExactly() {
        String json = codec.write(new TrackingId("ABC123"), TrackingId.class);
        assertEquals("{\"id\":\"ABC123\"}", json);
        TrackingId back = (TrackingId) codec.read(json, TrackingId.class);
        assertEquals("ABC123", back.idString());
    }

    @Test
    void valueObjectWithOnlyAParameterisedConstructorAndFinalFields_roundTrips() {
        assertEquals(Money.of("12.50", "EUR"), roundTrip(Money.of("12.50", "EUR"), Money.class));
    }

    @Test
    void entityLikeClass_keepsInheritedState_collections_maps_optionals_enums_dates_andSkipsTransientFields() {
        Leg leg = new Leg(new TrackingId("T1"), Mode.SEA, LocalDate.of(2026, 3, 4)).stop("Rotterdam").stop("Oslo")
                .fee("port", Money.of("3.10", "EUR")).note("fragile");
        leg.bump();
        String json = codec.write(leg, Leg.class);
        assertFalse(json.contains("not stored"), json);
        Leg back = (Leg) codec.read(json, Leg.class);
        assertEquals(new TrackingId("T1"), back.cargo());
        assertEquals(List.of("Rotterdam", "Oslo"), back.stops());
        assertEquals(Map.of("port", Money.of("3.10", "EUR")), back.fees());
        assertEquals(Optional.of("fragile"), back.noteText());
        assertEquals(Mode.SEA, back.mode());
        assertEquals(LocalDate.of(2026, 3, 4), back.day());
        assertEquals(2, back.version(), "the superclass's private field");
        assertNull(back.cachedLabel(), "a transient field is not stored (and no constructor ran)");
    }

    @Test
    void genericClass_usedWithAConcreteArgument_readsItsTypeVariablesAsThatArgument() throws Exception {
        Type type = typeOf("pageOfIds");
        @SuppressWarnings("unchecked")
        Page<TrackingId> back = (Page<TrackingId>) roundTrip(
                new Page<>(List.of(new TrackingId("a"), new TrackingId("b"))), type);
        assertEquals(List.of(new TrackingId("a"), new TrackingId("b")), back.items());
        assertEquals(new TrackingId("a"), back.first());
    }

    @Test
    void mapsWithValueObjectKeys_optionals_sets_andPrimitiveOptionals_roundTrip() throws Exception {
        Map<TrackingId, Money> fees = Map.of(new TrackingId("k"), Money.of("1", "USD"));
        assertEquals(fees, roundTrip(fees, typeOf("feesById")));
        assertEquals(Optional.of(Money.of("2", "USD")), roundTrip(Optional.of(Money.of("2", "USD")),
                typeOf("maybeMoney")));
        assertEquals(Optional.empty(), roundTrip(Optional.empty(), typeOf("maybeMoney")));
        assertEquals(Optional.empty(), codec.read("null", typeOf("maybeMoney")));
        assertEquals(Set.of(Mode.AIR, Mode.SEA), roundTrip(Set.of(Mode.AIR, Mode.SEA), typeOf("modes")));
        assertEquals(OptionalInt.of(4), roundTrip(OptionalInt.of(4), OptionalInt.class));
    }

    @Test
    void primitivesAndSpecialNumbers_roundTrip_andNullReadsAsThePrimitiveDefault() {
        assertEquals(Double.NaN, roundTrip(Double.NaN, double.class));
        assertEquals(Double.NEGATIVE_INFINITY, roundTrip(Double.NEGATIVE_INFINITY, Double.class));
        assertEquals(0.1f, roundTrip(0.1f, float.class));
        assertEquals(Long.MAX_VALUE, roundTrip(Long.MAX_VALUE, long.class));
        assertEquals('x', roundTrip('x', char.class));
        assertEquals(0, codec.read("null", int.class));
        assertEquals(false, codec.read("null", boolean.class));
        assertEquals("a \"quoted\"\n\u0001 text", roundTrip("a \"quoted\"\n\u0001 text", String.class));
        assertArrayEquals(new byte[] {1, -2, 3}, (byte[]) roundTrip(new byte[] {1, -2, 3}, byte[].class));
    }

    @Test
    void subclassPassedWhereItsSuperclassIsDeclared_isRefused_namingThePath() throws Exception {
        Page<Leg> page = new Page<>(List.of(new Leg(new TrackingId("x"), Mode.SEA, null),
                new ExpressLeg(new TrackingId("y"), 4)));
        ValueException error = assertThrows(ValueException.class, () -> codec.write(page, typeOf("pageOfLegs")));
        assertEquals("items[1]", error.path(), error.getMessage());
        assertTrue(error.getMessage().contains("ExpressLeg"), error.getMessage());
    }

    @Test
    void platformFieldThatDoesNotReadBackAsWritten_isRefusedOnFirstUse_namingTheField() {
        ValueException error = assertThrows(ValueException.class, () -> codec.write(new Counter(), Counter.class));
        assertTrue(error.getMessage().contains("count"), error.getMessage());
        assertTrue(error.getMessage().contains("does not read back"), error.getMessage());
    }

    @Test
    void interfaceTypedField_isRefusedWithTheReason_butNullIsFine() {
        ValueException error = assertThrows(ValueException.class,
                () -> codec.write(new Holder("text"), Holder.class));
        assertEquals("value", error.path());
        assertTrue(error.getMessage().contains("interface"), error.getMessage());
        assertInstanceOf(Holder.class, roundTrip(new Holder(null), Holder.class));
    }

    @Test
    void selfReferencingClass_roundTripsAChain_andACycleIsAClearError() {
        Node chain = (Node) roundTrip(new Node("a").link(new Node("b")), Node.class);
        assertEquals("b", chain.next().name());
        Node loop = new Node("loop");
        loop.link(loop);
        ValueException error = assertThrows(ValueException.class, () -> codec.write(loop, Node.class));
        assertTrue(error.getMessage().contains("cycle"), error.getMessage());
    }

    @Test
    void storedJsonThatDoesNotFit_isAnErrorNamingThePath() {
        ValueException error = assertThrows(ValueException.class,
                () -> codec.readAll("[\"ok\", {\"amount\": \"ten\", \"currency\": \"EUR\"}]",
                        new Type[] {String.class, Money.class}));
        assertEquals("[1].amount", error.path(), error.getMessage());
    }

    @Test
    void fieldsStoredBeforeTheyExisted_keepTheConstructorsValue() {
        Leg leg = (Leg) codec.read("{\"cargo\":{\"id\":\"old\"},\"mode\":\"AIR\"}", Leg.class);
        assertEquals(new TrackingId("old"), leg.cargo());
        assertEquals(Mode.AIR, leg.mode());
        assertNull(leg.stops(), "no constructor ran for a class without a no-argument constructor");
    }
}
