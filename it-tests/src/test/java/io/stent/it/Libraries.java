package io.stent.it;

import java.io.File;
import java.util.Arrays;

/**
 * The Stent jars a user drops into WEB-INF/lib, as built by this reactor.
 */
public final class Libraries {

    private Libraries() {
    }

    /**
     * The jars.
     *
     * @return stent-api, stent-engine, stent-jpa and stent-cdi-extension
     */
    public static File[] stentJars() {
        File dir = new File(System.getProperty("stent.libs", "target/stent-libs"));
        File[] jars = dir.listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length < 4) {
            throw new IllegalStateException("the Stent jars are missing from " + dir.getAbsolutePath()
                    + "; run the build through 'mvn verify'");
        }
        Arrays.sort(jars);
        return jars;
    }
}
