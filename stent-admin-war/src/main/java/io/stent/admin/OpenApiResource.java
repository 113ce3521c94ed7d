package io.stent.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The REST API's OpenAPI 3.0 document, for logged-in users only. The resources carry MicroProfile
 * OpenAPI annotations ({@link Tag}, {@link Operation}, {@link Parameter}); the server's own
 * {@code /openapi} answers anyone, so it does not scan the console ({@code mp.openapi.scan.disable})
 * and this resource writes the document from the same classes and annotations instead: it lists
 * every operation the API has, with its summary, its parameters and the problem answers every call
 * can give.
 */
@Tag(name = "openapi", description = "This document")
@Path("openapi")
@jakarta.enterprise.context.ApplicationScoped
public class OpenApiResource {

    /** The document, written once: it depends on the classes only. */
    private volatile JsonObject document;

    /** The resource classes the document describes. */
    static final List<Class<?>> RESOURCES = List.of(SessionResource.class, OverviewResource.class,
            ExecutionResource.class, DeadLetterResource.class, BulkReplayResource.class, ScheduleResource.class,
            RetentionRunResource.class,
            AuditResource.class, OpenApiResource.class);

    /**
     * The document.
     *
     * @return OpenAPI 3.0 as JSON
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This OpenAPI document (for logged-in users only)")
    public JsonObject document() {
        JsonObject written = document;
        if (written == null) {
            written = write();
            document = written;
        }
        return written;
    }

    private static JsonObject write() {
        Map<String, JsonObjectBuilder> paths = new TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    String path = join("/api", base, method.isAnnotationPresent(Path.class)
                            ? method.getAnnotation(Path.class).value() : "");
                    paths.computeIfAbsent(path, p -> Json.createObjectBuilder())
                            .add(http.toLowerCase(Locale.ROOT), operation(resource, method, http));
                }
            }
        }
        JsonObjectBuilder pathsJson = Json.createObjectBuilder();
        paths.forEach(pathsJson::add);
        JsonArrayBuilder tags = Json.createArrayBuilder();
        for (Class<?> resource : RESOURCES) {
            Tag tag = resource.getAnnotation(Tag.class);
            tags.add(Json.createObjectBuilder().add("name", tag.name()).add("description", tag.description()));
        }
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Json.createObjectBuilder().add("title", "Stent admin console API").add("version", "1"))
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", "/stent-admin")))
                .add("security", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("basic", Json.createArrayBuilder())))
                .add("components", Json.createObjectBuilder()
                        .add("securitySchemes", Json.createObjectBuilder()
                                .add("basic", Json.createObjectBuilder().add("type", "http").add("scheme", "basic")))
                        .add("schemas", Json.createObjectBuilder().add("Problem", problemSchema())))
                .add("tags", tags)
                .add("paths", pathsJson)
                .build();
    }

    private static JsonObjectBuilder operation(Class<?> resource, Method method, String http) {
        Map<String, String> described = new TreeMap<>();
        for (Parameter documented : method.getAnnotationsByType(Parameter.class)) {
            described.put(documented.name(), documented.description());
        }
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                parameters.add(parameter(parameter.getAnnotation(PathParam.class).value(), "path", true, described));
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                parameters.add(parameter(parameter.getAnnotation(QueryParam.class).value(), "query", false,
                        described));
            }
        }
        JsonObjectBuilder responses = Json.createObjectBuilder()
                .add("200", Json.createObjectBuilder().add("description", "the answer, JSON"));
        for (String status : List.of("400", "401", "403", "404", "409")) {
            responses.add(status, Json.createObjectBuilder().add("description", description(status))
                    .add("content", Json.createObjectBuilder().add(Problems.MEDIA_TYPE, Json.createObjectBuilder()
                            .add("schema", Json.createObjectBuilder().add("$ref", "#/components/schemas/Problem")))));
        }
        Operation documented = method.getAnnotation(Operation.class);
        JsonObjectBuilder operation = Json.createObjectBuilder()
                .add("operationId", resource.getSimpleName().replace("Resource", "") + "." + method.getName())
                .add("tags", Json.createArrayBuilder().add(resource.getAnnotation(Tag.class).name()))
                .add("summary", documented.summary())
                .add("parameters", parameters)
                .add("responses", responses);
        String description = documented.description();
        if (!"GET".equals(http)) {
            description = (description.isEmpty() ? "" : description + " ") + "Needs the stent-admin role and the"
                    + " session's CSRF token in the X-Stent-Csrf header (GET /api/session).";
        }
        if (!description.isEmpty()) {
            operation.add("description", description);
        }
        return operation;
    }

    private static JsonObjectBuilder parameter(String name, String in, boolean required,
                                               Map<String, String> described) {
        String plain = name.contains(":") ? name.substring(0, name.indexOf(':')).trim() : name;
        JsonObjectBuilder parameter = Json.createObjectBuilder().add("name", plain).add("in", in)
                .add("required", required).add("schema", Json.createObjectBuilder().add("type", "string"));
        if (described.containsKey(plain)) {
            parameter.add("description", described.get(plain));
        }
        return parameter;
    }

    private static JsonObjectBuilder problemSchema() {
        JsonObjectBuilder string = Json.createObjectBuilder().add("type", "string");
        return Json.createObjectBuilder().add("type", "object").add("properties", Json.createObjectBuilder()
                .add("type", string).add("title", string).add("status", Json.createObjectBuilder().add("type", "integer"))
                .add("code", string).add("detail", string).add("parameter", string));
    }

    private static String description(String status) {
        return switch (status) {
            case "400" -> "a bad parameter (the problem names it)";
            case "401" -> "not logged in";
            case "403" -> "a viewer's change, a missing CSRF token, or another origin";
            case "404" -> "an unknown id";
            default -> "the execution has finished";
        };
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

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        // OpenAPI path templates carry no regular expressions
        return path.toString().replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
