package io.stent.it.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every JAX-RS resource method of a WAR, read from the classes it ships, so that a test covers
 * each endpoint the WAR has, including ones added after the test was written.
 */
final class ResourceMethods {

    /** Methods that change nothing. */
    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * One endpoint.
     *
     * @param method its HTTP method
     * @param path its path below the context root, path parameters filled with {@code no-such-id}
     * @param name the Java method, for messages
     * @param template its path as the OpenAPI document writes it, e.g. {@code /api/executions/{id}}
     */
    record Endpoint(String method, String path, String name, String template) {

        boolean mutating() {
            return !SAFE.contains(method);
        }
    }

    private ResourceMethods() {
    }

    static List<Endpoint> of(java.nio.file.Path war) throws Exception {
        java.nio.file.Path classes = Files.createTempDirectory("war-classes");
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                    java.nio.file.Path target = classes.resolve(name.substring("WEB-INF/classes/".length()));
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    names.add(name.substring("WEB-INF/classes/".length(), name.length() - 6).replace('/', '.'));
                }
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ResourceMethods.class.getClassLoader())) {
            String root = "";
            List<Class<?>> resources = new ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(ApplicationPath.class)) {
                    root = type.getAnnotation(ApplicationPath.class).value();
                }
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
            for (Class<?> resource : resources) {
                for (Method method : resource.getDeclaredMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                        String template = template(root, resource.getAnnotation(Path.class).value(), sub);
                        endpoints.add(new Endpoint(http, template.replaceAll("\\{[^}]+}", "no-such-id"),
                                resource.getSimpleName() + "." + method.getName(), template));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (endpoints.isEmpty()) {
            throw new AssertionError("no JAX-RS resource method found in " + war);
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String template(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString().replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
