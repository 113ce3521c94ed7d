package io.stent.it.lifecycle;

/**
 * A value object as domain-driven code writes it: a private final field, a getter named
 * otherwise, no no-argument constructor, no setter.
 */
public final class Parcel {

    private final String code;

    private Parcel(String code) {
        this.code = code;
    }

    /**
     * Makes a parcel.
     *
     * @param code its code
     * @return the parcel
     */
    public static Parcel coded(String code) {
        return new Parcel(code);
    }

    /**
     * The code.
     *
     * @return the code
     */
    public String codeText() {
        return code;
    }
}
