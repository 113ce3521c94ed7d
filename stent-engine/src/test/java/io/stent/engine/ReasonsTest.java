package io.stent.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReasonsTest {

    @Test
    void wrappersThatRepeatTheirCause_addNothing_andEachPartIsSaidOnce() {
        IllegalStateException root = new IllegalStateException("the label is missing");
        RuntimeException wrapped = new RuntimeException("cannot set field label: " + root, root);
        RuntimeException outer = new RuntimeException(wrapped.getMessage(), wrapped);
        assertEquals("cannot set field label: java.lang.IllegalStateException: the label is missing",
                Reasons.of(outer));
    }

    @Test
    void distinctMessages_areJoinedFromTheOutermostIn() {
        Exception chain = new IllegalArgumentException("at 'lines[2]'", new IllegalStateException("no constructor"));
        assertEquals("at 'lines[2]': no constructor", Reasons.of(chain));
    }

    @Test
    void aFailureWithoutMessage_isNamedByItsClass() {
        assertEquals("java.lang.NullPointerException", Reasons.of(new NullPointerException()));
    }
}
