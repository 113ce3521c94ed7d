package io.stent.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Stent this jar belongs to, as the build wrote it. */
public final class StentVersion {

    private StentVersion() {
    }

    /**
     * @return the version, such as {@code 0.1.0}
     * @throws UncheckedIOException if the jar lacks its version resource (a broken build)
     */
    public static String current() {
        try (InputStream in = StentVersion.class.getResourceAsStream("stent-version.properties")) {
            if (in == null) {
                throw new io.stent.StentException(EngineMessages.VERSION_MISSING);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
